package dev.chatbot.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.adapters.meta.PublicUrls;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden files: src/test/resources/golden/*.json hold the exact Cloud API bodies. */
class WhatsAppRendererTest {

  private static final String TO = "16315551234";
  private final WhatsAppRenderer renderer = new WhatsAppRenderer(new PublicUrls("https://bot.example.com"));

  static JsonArray golden(String name) {
    try (InputStream in = WhatsAppRendererTest.class.getResourceAsStream("/golden/" + name)) {
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("golden file " + name + " unreadable", e);
    }
  }

  private void assertRenders(Reply reply, String goldenFile) {
    assertThat(new JsonArray(List.copyOf(renderer.render(TO, reply)))).isEqualTo(golden(goldenFile));
  }

  @Test
  void text() {
    assertRenders(Reply.text("Hello there"), "text.json");
  }

  @Test
  void upToThreeQuickRepliesAreReplyButtonsWithTitlesOfAtMost20() {
    assertRenders(Reply.quickReplies("What size?", List.of(QuickReply.of("10", "SIZE:10"),
        QuickReply.of("10 1/2", "SIZE:10.5"), QuickReply.of("Something much longer than twenty", "OTHER"))),
        "buttons.json");
  }

  @Test
  void fourToTenQuickRepliesAreAList() {
    assertRenders(Reply.quickReplies("Which colour?", List.of(QuickReply.of("Black", "COLOR:black"),
        QuickReply.of("Brown", "COLOR:brown"), QuickReply.of("Tan", "COLOR:tan"), QuickReply.of("Navy", "COLOR:navy"),
        QuickReply.of("White", "COLOR:white"))), "list.json");
  }

  @Test
  void cardsAreAListThenTheirQuickReplies() {
    assertRenders(Reply.cards(List.of(
            Card.of("Oxford Brown", "$149.00 · leather", "/assets/shoes/jm-1001.jpg",
                Button.link("Details", "https://shop.example.com/jm-1001"), Button.postback("Buy", "BUY:JM-1001")),
            Card.of("Penny Loafer", null, null, Button.link("Details", "https://shop.example.com/al-2002"))))
            .withQuickReplies(QuickReply.of("More", Reply.MORE_PAYLOAD)),
        "cards.json");
  }

  @Test
  void imageWithCaption() {
    assertRenders(new Reply.Image("/assets/shoes/1.jpg", "A shoe"), "image.json");
  }

  @Test
  void typingSendsNothing() {
    assertThat(renderer.render(TO, Reply.typing())).isEmpty();
  }

  @Test
  void quickRepliesWithABodyOver1024CharactersSendTheStartAsText() {
    String text = "word ".repeat(300).trim();
    List<JsonObject> bodies = renderer.render(TO, Reply.quickReplies(text, "Yes", "No"));

    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0).getString("type")).isEqualTo("text");
    JsonObject interactive = bodies.get(1).getJsonObject("interactive");
    assertThat(interactive.getString("type")).isEqualTo("button");
    String body = interactive.getJsonObject("body").getString("text");
    assertThat(body.length()).isLessThanOrEqualTo(1024);
    assertThat(bodies.get(0).getJsonObject("text").getString("body") + " " + body).isEqualTo(text);
  }

  @Test
  void aPlatformSpecificReplySendsItsOwnMessageHere() {
    JsonObject template = new JsonObject().put("type", "template").put("template", new JsonObject()
        .put("name", "appointment_reminder").put("language", new JsonObject().put("code", "en")));
    Reply reply = Reply.platformSpecific("whatsapp", template, Reply.text("See you tomorrow"));
    assertThat(renderer.render(TO, reply)).containsExactly(new JsonObject().put("messaging_product", "whatsapp")
        .put("recipient_type", "individual").put("to", TO).mergeIn(template));
  }
}
