package dev.chatbot.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.ReplyFitter;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Golden Bot API bodies for each reply type, and Telegram's limits after the core's fitter. */
class TelegramRendererTest {

  static final ConversationRef CHAT = ConversationRef.of("telegram", "10000001");
  static final ConversationRef TOPIC = new ConversationRef("telegram", "-1001234567890", "307");

  static JsonArray rendered(ConversationRef to, Reply reply) {
    JsonArray calls = new JsonArray();
    TelegramRenderer.render(to, reply).forEach(call ->
        calls.add(new JsonObject().put("method", call.method()).put("body", call.body())));
    return calls;
  }

  static JsonArray golden(String name) {
    return new JsonArray(Fixtures.text("/golden/" + name));
  }

  @Test
  void textIsPlainSoNothingIsEscaped() {
    assertThat(rendered(CHAT, Reply.text("What size? Johnston & Murphy <b>not bold</b>")))
        .isEqualTo(golden("text.json"));
  }

  @Test
  void shortQuickRepliesAreThreeToARow() {
    Reply reply = Reply.quickReplies("How many pairs?", List.of(QuickReply.of("1", "QTY:1"),
        QuickReply.of("2", "QTY:2"), QuickReply.of("3", "QTY:3"), QuickReply.of("Cancel", "CANCEL")));
    assertThat(rendered(CHAT, reply)).isEqualTo(golden("quick-replies.json"));
  }

  @Test
  void longQuickRepliesAreOneToARowAndAForumTopicIsAnsweredInItsThread() {
    Reply reply = Reply.quickReplies("Ready to check out?", List.of(QuickReply.of("Checkout", "CHECKOUT"),
        QuickReply.of("Keep shopping for shoes", "KEEP_SHOPPING")));
    assertThat(rendered(TOPIC, reply)).isEqualTo(golden("quick-replies-long-labels.json"));
  }

  @Test
  void cardsArePhotosWithButtonsAndTheQuickRepliesGoUnderTheLastCard() {
    Reply reply = Reply.cards(List.of(
            Card.of("Johnston & Murphy Melton Cap Toe", "$149.00 · brown leather",
                "https://shop.example/assets/shoes/JM-MELTON-BRN.png",
                Button.postback("Buy", "BUY:JM-MELTON-BRN"), Button.link("Details", "https://shop.example/p/JM-MELTON-BRN")),
            Card.of("Conard Wingtip", "$129.00", null, Button.postback("Buy", "BUY:JM-CONARD-BRN"))))
        .withQuickReplies(QuickReply.of("More", Reply.MORE_PAYLOAD));
    assertThat(rendered(CHAT, reply)).isEqualTo(golden("cards.json"));
  }

  @Test
  void imageAndTyping() {
    assertThat(rendered(CHAT, new Reply.Image("https://shop.example/assets/shoes/JM-MELTON-BRN.png",
        "The Melton in brown"))).isEqualTo(golden("image.json"));
    assertThat(rendered(CHAT, Reply.typing())).isEqualTo(golden("typing.json"));
  }

  @Test
  void longTextIsSplitUnderFourThousandNinetySixCharacters() {
    String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(200);
    List<Reply> parts = ReplyFitter.fit(Reply.text(text), TelegramAdapter.CAPABILITIES);

    assertThat(parts).hasSizeGreaterThan(2);
    StringBuilder shown = new StringBuilder();
    for (Reply part : parts) {
      String sent = rendered(CHAT, part).getJsonObject(0).getJsonObject("body").getString("text");
      assertThat(sent.length()).isBetween(1, 4096);
      shown.append(sent).append(' ');
    }
    assertThat(shown.toString().replaceAll("\\s+", " ").trim()).isEqualTo(text.replaceAll("\\s+", " ").trim());
  }

  @Test
  void aLongCarouselIsTenPhotosWithCaptionsUnderTheLimitAndAMoreButton() {
    List<Card> cards = IntStream.range(0, 12).mapToObj(i -> Card.of("Shoe " + i + " " + "t".repeat(300),
        "$" + i + " " + "s".repeat(2000), "https://shop.example/" + i + ".png",
        Button.postback("Buy this one right now " + "y".repeat(100), "BUY:" + i), Button.postback("b", "b"),
        Button.postback("c", "c"), Button.postback("d", "d"))).toList();
    List<Reply> parts = ReplyFitter.fit(Reply.cards(cards), TelegramAdapter.CAPABILITIES);
    assertThat(parts).hasSize(1);

    JsonArray calls = rendered(CHAT, parts.get(0));
    assertThat(calls).hasSize(10);
    for (int i = 0; i < calls.size(); i++) {
      JsonObject body = calls.getJsonObject(i).getJsonObject("body");
      assertThat(calls.getJsonObject(i).getString("method")).isEqualTo("sendPhoto");
      assertThat(body.getString("caption").length()).isLessThanOrEqualTo(1024);
      JsonArray rows = body.getJsonObject("reply_markup").getJsonArray("inline_keyboard");
      assertThat(rows.size()).isEqualTo(i == 9 ? 4 : 3);
      rows.forEach(row -> ((JsonArray) row).forEach(key ->
          assertThat(((JsonObject) key).getString("text").length()).isLessThanOrEqualTo(40)));
    }
    JsonArray lastRows = calls.getJsonObject(9).getJsonObject("body").getJsonObject("reply_markup")
        .getJsonArray("inline_keyboard");
    assertThat(lastRows.getJsonArray(3).getJsonObject(0).getString("callback_data")).isEqualTo(Reply.MORE_PAYLOAD);
  }

  @Test
  void aPayloadOverSixtyFourBytesIsLeftOutRatherThanCut() {
    String fits = "BUY:" + "é".repeat(30);          // 4 + 60 bytes
    String tooLong = "BUY:" + "é".repeat(31);       // 66 bytes
    assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(64);
    Reply reply = Reply.cards(List.of(Card.of("Shoe", "$1", null,
        Button.postback("Fits", fits), Button.postback("Too long", tooLong), Button.link("Site", "https://x.example"))))
        .withQuickReplies(QuickReply.of("Ok", "OK"), QuickReply.of("Long", "L".repeat(65)));

    List<Reply> fitted = ReplyFitter.fit(reply, TelegramAdapter.CAPABILITIES);
    JsonArray rows = rendered(CHAT, fitted.get(0)).getJsonObject(0).getJsonObject("body")
        .getJsonObject("reply_markup").getJsonArray("inline_keyboard");

    assertThat(rows.stream().map(row -> ((JsonArray) row).getJsonObject(0).getString("text")))
        .containsExactly("Fits", "Site", "Ok");
  }

  @Test
  void aPlatformSpecificReplyIsItsOwnBotApiCallHereAndTheFallbackElsewhere() {
    ConversationRef chat = ConversationRef.of("telegram", "42");
    JsonObject poll = new JsonObject().put("method", "sendPoll").put("question", "Which day?")
        .put("options", new io.vertx.core.json.JsonArray().add("Mon").add("Tue"));
    assertThat(TelegramRenderer.render(chat, Reply.platformSpecific("telegram", poll, Reply.text("Which day?"))))
        .containsExactly(new TelegramCall("sendPoll", new JsonObject().put("chat_id", 42L)
            .put("question", "Which day?").put("options", poll.getJsonArray("options"))));
    assertThat(TelegramRenderer.render(chat, Reply.platformSpecific("slack", new JsonObject(), Reply.text("Hi"))))
        .isEqualTo(TelegramRenderer.render(chat, Reply.text("Hi")));
  }
}
