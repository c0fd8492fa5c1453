package dev.chatbot.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Button;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyFitterTest {

  // Messenger-like limits, with short text so splitting shows.
  private static final Capabilities CAPS = new Capabilities(40, 13, 20, 10, 3, 80, 80, 20, true);

  @Test
  void splitsLongTextAtWordBreaksWithinTheLimit() {
    String text = "The quick brown fox jumps over the lazy dog and then runs far away into the woods";

    List<Reply> parts = ReplyFitter.fit(Reply.text(text), CAPS);

    assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part ->
        assertThat(((Reply.Text) part).text()).hasSizeLessThanOrEqualTo(40));
    assertThat(parts.stream().map(part -> ((Reply.Text) part).text()).reduce((a, b) -> a + " " + b)).hasValue(text);
  }

  @Test
  void prefersParagraphBreaks() {
    assertThat(ReplyFitter.splitText("First paragraph here.\n\nSecond one is here.", 30))
        .containsExactly("First paragraph here.", "Second one is here.");
  }

  @Test
  void truncatesTitlesWithAnEllipsis() {
    assertThat(ReplyFitter.truncate("A very long quick reply title", 20)).isEqualTo("A very long quick r…").hasSize(20);
    assertThat(ReplyFitter.truncate("short", 20)).isEqualTo("short");

    Reply.QuickReplies fitted = (Reply.QuickReplies) ReplyFitter.fit(
        Reply.quickReplies("Pick", "A very long quick reply title"), CAPS).get(0);
    assertThat(fitted.options().get(0).title()).hasSize(20).endsWith("…");
  }

  @Test
  void cutsTwelveCardsToTenPlusAMoreQuickReply() {
    List<Card> cards = IntStream.rangeClosed(1, 12)
        .mapToObj(i -> Card.of("Shoe " + i + " with a name far longer than eighty characters, which Messenger rejects",
            "sub", "https://example.test/" + i + ".jpg",
            Button.postback("Buy", "BUY:" + i), Button.postback("More like this", "LIKE:" + i),
            Button.postback("Details", "INFO:" + i), Button.postback("Share", "SHARE:" + i)))
        .toList();

    List<Reply> fitted = ReplyFitter.fit(Reply.cards(cards), CAPS);

    assertThat(fitted).hasSize(1);
    Reply.Cards carousel = (Reply.Cards) fitted.get(0);
    assertThat(carousel.cards()).hasSize(10);
    assertThat(carousel.cards()).allSatisfy(card -> {
      assertThat(card.title()).hasSizeLessThanOrEqualTo(80);
      assertThat(card.buttons()).hasSize(3);
    });
    assertThat(carousel.quickReplies()).containsExactly(QuickReply.of("More", Reply.MORE_PAYLOAD));
  }

  @Test
  void listsChoicesAsTextWhereThereAreNoQuickReplies() {
    Capabilities noChips = new Capabilities(4096, 0, 20, 10, 3, 80, 80, 20, false);

    List<Reply> fitted = ReplyFitter.fit(Reply.quickReplies("Pick one", "Red", "Green"), noChips);

    assertThat(fitted).containsExactly(Reply.text("Pick one\n• Red\n• Green"));
    assertThat(ReplyFitter.fit(Reply.typing(), noChips)).isEmpty();
  }
}
