package dev.chatbot.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ReplyBookTest {

  private final ReplyBook say = new ReplyBook(new JsonObject("""
      {"added": "Added {item} to your cart ({count} in all).",
       "more": "Anything else? {examples}", "examples": "Try \\"a red mug\\".",
       "empty": {"text": "Your cart is empty.", "chips": {"Mugs": "mugs", "Buy {item}": "BUY:{item}"}},
       "found": {"text": "Mugs!", "chips": {"Show more": "{more}", "Start over": "START_OVER"}},
       "again": {"text": "Once more?", "chips": "found"}}
      """));

  @Test
  void fillsHolesInTextsAndChips() {
    // tag::replies[]
    String added = say.text("added", "item", "a red mug", "count", 2);   // Added a red mug to your cart (2 in all).
    Reply empty = say.reply("empty", "item", "MUG");                      // quick replies Mugs, Buy MUG
    // end::replies[]
    assertThat(added).isEqualTo("Added a red mug to your cart (2 in all).");
    assertThat(empty).isEqualTo(Reply.quickReplies("Your cart is empty.", java.util.List.of(
        QuickReply.of("Mugs", "mugs"), QuickReply.of("Buy MUG", "BUY:MUG"))));
    assertThat(say.reply("added", "item", "$5 off", "count", 1)).as("a value is taken as it is, $ included")
        .isEqualTo(Reply.text("Added $5 off to your cart (1 in all)."));
  }

  @Test
  void aChipWhosePayloadComesOutEmptyIsLeftOut() {
    // tag::optional-chips[]
    Reply more = say.reply("found", "more", "MORE");             // quick replies Show more, Start over
    Reply last = say.reply("found", "more", "");                 // quick replies Start over
    // end::optional-chips[]
    assertThat(((Reply.QuickReplies) more).options()).extracting(QuickReply::title)
        .containsExactly("Show more", "Start over");
    assertThat(((Reply.QuickReplies) last).options()).containsExactly(QuickReply.of("Start over", "START_OVER"));
    assertThat(say.reply("again", "more", "")).as("chips named from another reply too")
        .isEqualTo(Reply.quickReplies("Once more?", java.util.List.of(QuickReply.of("Start over", "START_OVER"))));
  }

  @Test
  void aHoleWithoutAValueIsTheBooksSentenceOfThatName() {
    assertThat(say.text("more")).isEqualTo("Anything else? Try \"a red mug\".");
  }

  @Test
  void aMissingKeyOrHoleIsNamed() {
    assertThatThrownBy(() -> say.text("gone")).hasMessageContaining("no reply 'gone'");
    assertThatThrownBy(() -> say.text("added", "item", "a mug")).hasMessageContaining("{count}");
  }
}
