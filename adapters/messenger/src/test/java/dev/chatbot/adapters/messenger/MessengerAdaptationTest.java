package dev.chatbot.adapters.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.ShowcaseBot;
import dev.chatbot.testkit.meta.MetaTestServer;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies over Messenger's limits are fitted by the core to the adapter's capabilities, never rejected. */
class MessengerAdaptationTest {

  @RegisterExtension
  static final MetaTestServer meta =
      MetaTestServer.messenger("BOT", "showcase", "PUBLIC_BASE_URL", "https://bot.example.com");

  @Test
  void twelveCardsBecomeTenWithAMoreQuickReply() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("5001", "twelve cards"));

    JsonObject message = meta.graph().awaitMessengerSend().getJsonObject("message");
    JsonArray elements = message.getJsonObject("attachment").getJsonObject("payload").getJsonArray("elements");
    assertThat(elements).hasSize(10);
    JsonObject first = elements.getJsonObject(0);
    assertThat(first.getString("title")).hasSize(80).startsWith("Shoe 1 xxx").endsWith("…");
    assertThat(first.getString("image_url")).isEqualTo("https://bot.example.com/assets/shoes/1.jpg");
    assertThat(first.getJsonArray("buttons")).containsExactly(
        new JsonObject().put("type", "postback").put("title", "Buy").put("payload", "BUY:1"),
        new JsonObject().put("type", "web_url").put("url", "https://shop.example.com/1").put("title", "Details"),
        new JsonObject().put("type", "postback").put("title", "Save").put("payload", "SAVE:1"));
    assertThat(message.getJsonArray("quick_replies")).containsExactly(
        new JsonObject().put("content_type", "text").put("title", "More").put("payload", "more"));
  }

  @Test
  void fifteenQuickRepliesAreCutToThirteenWithShortTitles() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("5002", "many chips"));

    JsonArray quickReplies = meta.graph().awaitMessengerSend().getJsonObject("message").getJsonArray("quick_replies");
    assertThat(quickReplies).hasSize(13);
    quickReplies.forEach(option -> assertThat(((JsonObject) option).getString("title")).hasSizeLessThanOrEqualTo(20));
    assertThat(quickReplies.getJsonObject(12).getString("payload")).isEqualTo("SIZE:13");
  }

  @Test
  void longTextIsSplitAtWordsIntoMessagesOfAtMost2000() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("5003", "long text"));

    List<JsonObject> sent = meta.graph().awaitMessengerSends(3);
    List<String> texts = sent.stream().map(body -> body.getJsonObject("message").getString("text")).toList();
    texts.forEach(text -> assertThat(text.length()).isLessThanOrEqualTo(2000));
    assertThat(String.join(" ", texts)).isEqualTo(ShowcaseBot.LONG_TEXT);
  }

  @Test
  void anImageWithACaptionIsTheImageThenTheText() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("5004", "picture"));

    List<JsonObject> sent = meta.graph().awaitMessengerSends(2);
    assertThat(sent.get(0).getJsonObject("message")).isEqualTo(new JsonObject("""
        {"attachment":{"type":"image","payload":{"url":"https://bot.example.com/assets/shoes/1.jpg","is_reusable":true}}}"""));
    assertThat(sent.get(1).getJsonObject("message")).isEqualTo(new JsonObject().put("text", "A shoe"));
  }

  @Test
  void typingIsSentAsTypingOn() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("5005", "typing"));

    List<JsonObject> sent = meta.graph().awaitMessengerSends(2);
    assertThat(sent.get(0)).isEqualTo(new JsonObject("{\"recipient\":{\"id\":\"5005\"},\"sender_action\":\"typing_on\"}"));
    assertThat(sent.get(1).getJsonObject("message").getString("text")).isEqualTo("done");
  }
}
