package dev.chatbot.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.ShowcaseBot;
import dev.chatbot.testkit.meta.MetaTestServer;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies over WhatsApp's limits are fitted by the core to the adapter's capabilities, never rejected. */
class WhatsAppAdaptationTest {

  @RegisterExtension
  static final MetaTestServer meta =
      MetaTestServer.whatsapp("BOT", "showcase", "PUBLIC_BASE_URL", "https://bot.example.com");

  private static JsonObject interactive(JsonObject body) {
    assertThat(body.getString("type")).isEqualTo("interactive");
    return body.getJsonObject("interactive");
  }

  @Test
  void twelveCardsBecomeAListOfTenRowsThenAMoreButton() {
    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550005001", "twelve cards"));

    List<JsonObject> sent = meta.graph().awaitWhatsAppSends(2);
    JsonObject list = interactive(sent.get(0));
    assertThat(list.getString("type")).isEqualTo("list");
    JsonArray rows = list.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows");
    assertThat(rows).hasSize(10);
    JsonObject first = rows.getJsonObject(0);
    assertThat(first.getString("id")).isEqualTo("BUY:1");
    assertThat(first.getString("title")).hasSize(24).startsWith("Shoe 1 xx").endsWith("…");
    assertThat(first.getString("description")).isEqualTo("$119.00");
    assertThat(list.getJsonObject("action").getString("button")).isEqualTo("See options");

    assertThat(interactive(sent.get(1))).isEqualTo(new JsonObject("""
        {"type":"button","body":{"text":"More options:"},
         "action":{"buttons":[{"type":"reply","reply":{"id":"more","title":"More"}}]}}"""));
  }

  @Test
  void fourToTenQuickRepliesAreAList() {
    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550005002", "five chips"));

    JsonObject list = interactive(meta.graph().awaitWhatsAppSend());
    assertThat(list.getString("type")).isEqualTo("list");
    assertThat(list.getJsonObject("body").getString("text")).isEqualTo("Which colour?");
    assertThat(list.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows"))
        .hasSize(5).first().isEqualTo(new JsonObject().put("id", "Black").put("title", "Black"));
  }

  @Test
  void fifteenQuickRepliesAreCutToATenRowList() {
    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550005003", "many chips"));

    JsonArray rows = interactive(meta.graph().awaitWhatsAppSend()).getJsonObject("action").getJsonArray("sections")
        .getJsonObject(0).getJsonArray("rows");
    assertThat(rows).hasSize(10);
    rows.forEach(row -> assertThat(((JsonObject) row).getString("title")).hasSizeLessThanOrEqualTo(24));
  }

  @Test
  void longTextIsSplitIntoMessagesOfAtMost4096() {
    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550005004", "long text"));

    List<String> texts = meta.graph().awaitWhatsAppSends(2).stream()
        .map(body -> body.getJsonObject("text").getString("body")).toList();
    texts.forEach(text -> assertThat(text.length()).isLessThanOrEqualTo(4096));
    assertThat(String.join(" ", texts)).isEqualTo(ShowcaseBot.LONG_TEXT);
  }

  @Test
  void imageByLinkWithCaptionAndNoTypingIndicator() {
    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550005005", "picture"));
    assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(new JsonObject("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"15550005005","type":"image",
         "image":{"link":"https://bot.example.com/assets/shoes/1.jpg","caption":"A shoe"}}"""));

    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550005005", "typing"));
    assertThat(meta.graph().awaitWhatsAppSend().getJsonObject("text").getString("body")).isEqualTo("done");
  }
}
