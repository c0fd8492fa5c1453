package dev.chatbot.adapters.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.adapters.meta.PublicUrls;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Golden files: src/test/resources/golden/*.json hold the exact Send API bodies. */
class MessengerRendererTest {

  private final MessengerRenderer renderer = new MessengerRenderer(new PublicUrls("https://bot.example.com"));

  static JsonArray golden(String name) {
    try (InputStream in = MessengerRendererTest.class.getResourceAsStream("/golden/" + name)) {
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("golden file " + name + " unreadable", e);
    }
  }

  private void assertRenders(Reply reply, String goldenFile) {
    assertThat(new JsonArray(List.copyOf(renderer.render("4711", reply)))).isEqualTo(golden(goldenFile));
  }

  @Test
  void text() {
    assertRenders(Reply.text("Hello there"), "text.json");
  }

  @Test
  void quickReplies() {
    assertRenders(Reply.quickReplies("What size?", List.of(QuickReply.of("10", "SIZE:10"), QuickReply.of("10 1/2", "SIZE:10.5"))),
        "quick_replies.json");
  }

  @Test
  void cardsAsGenericTemplateWithQuickReplies() {
    assertRenders(Reply.cards(List.of(
            Card.of("Oxford Brown", "$149.00 · leather", "/assets/shoes/jm-1001.jpg",
                Button.postback("Buy", "BUY:JM-1001"), Button.link("Details", "https://shop.example.com/jm-1001")),
            Card.of("Penny Loafer", null, null, Button.postback("Buy", "BUY:AL-2002"))))
            .withQuickReplies(QuickReply.of("More", Reply.MORE_PAYLOAD)),
        "cards.json");
  }

  @Test
  void imageWithCaptionIsTwoMessages() {
    assertRenders(new Reply.Image("https://cdn.example.com/shoe.jpg", "The Oxford in brown"), "image.json");
  }

  @Test
  void imageWithoutCaptionIsOne() {
    assertThat(renderer.render("4711", Reply.image("https://cdn.example.com/shoe.jpg")))
        .containsExactly(golden("image.json").getJsonObject(0));
  }

  @Test
  void typing() {
    assertRenders(Reply.typing(), "typing.json");
  }

  @Test
  void aPlatformSpecificReplySendsItsOwnMessageHereAndTheFallbackElsewhere() {
    JsonObject button = new JsonObject().put("attachment", new JsonObject().put("type", "template")
        .put("payload", new JsonObject().put("template_type", "button").put("text", "Call us")));
    Reply reply = Reply.platformSpecific("messenger", new JsonObject().put("message", button), Reply.text("Call us"));
    assertThat(renderer.render("4711", reply)).containsExactly(new JsonObject()
        .put("recipient", new JsonObject().put("id", "4711")).put("messaging_type", "RESPONSE").put("message", button));

    Reply tagged = Reply.platformSpecific("messenger", new JsonObject().put("messaging_type", "MESSAGE_TAG")
        .put("tag", "CONFIRMED_EVENT_UPDATE"), Reply.text("See you at 10"));
    assertThat(renderer.render("4711", tagged)).containsExactly(new JsonObject()
        .put("recipient", new JsonObject().put("id", "4711")).put("messaging_type", "MESSAGE_TAG")
        .put("message", new JsonObject().put("text", "See you at 10")).put("tag", "CONFIRMED_EVENT_UPDATE"));

    Reply slackOnly = Reply.platformSpecific("slack", new JsonObject().put("blocks", "[]"), Reply.text("Hello there"));
    assertRenders(slackOnly, "text.json");
  }
}
