package dev.chatbot.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.adapters.meta.GraphClient;
import dev.chatbot.testkit.ApiDescription;
import dev.chatbot.testkit.LogCapture;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.GraphApiStub.GraphRequest;
import dev.chatbot.testkit.meta.MetaTestServer;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WhatsApp adapter in the running server (echo bot), against a WireMock Graph API. */
class WhatsAppWebhookTest {

  private static final String PATH = "/v23.0/" + GraphApiStub.WHATSAPP_PHONE_NUMBER_ID + "/messages";
  @RegisterExtension
  static final MetaTestServer meta = MetaTestServer.whatsapp("BOT", "echo");

  private static JsonObject textReply(String to, String text) {
    return new JsonObject()
        .put("messaging_product", "whatsapp")
        .put("recipient_type", "individual")
        .put("to", to)
        .put("type", "text")
        .put("text", new JsonObject().put("preview_url", false).put("body", text));
  }

  private static JsonObject readReceipt(String messageId) {
    return new JsonObject().put("messaging_product", "whatsapp").put("status", "read").put("message_id", messageId);
  }

  /** A message after the ones under test: its reply coming next proves nothing else was sent before it. */
  private static void assertNextSendIsTheReplyTo(String waId, String sentinel) {
    meta.webhooks().deliver(MetaWebhooks.whatsappText(waId, sentinel));
    assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(textReply(waId, sentinel));
    assertThat(meta.graph().pendingWhatsAppSends()).isEmpty();
  }

  /** The adapter's own OpenAPI fragment is merged into {@code /openapi.yaml}, every reference resolving. */
  @Test
  void theServersApiDescriptionHasTheAdaptersRoutes() {
    ApiDescription api = ApiDescription.of(meta.server());
    assertThat(api.methods("/webhooks/whatsapp")).containsExactly("get", "post");
    assertThat(api.unresolvedReferences()).isEmpty();
  }

  @Test
  void verificationEchoesTheChallengeAsPlainText() {
    HttpResponse<String> response = meta.webhooks().verify("subscribe", GraphApiStub.WHATSAPP_VERIFY_TOKEN, "987654321");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("987654321");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
  }

  @Test
  void verificationWithAWrongTokenIsForbiddenAndWithoutParametersABadRequest() {
    assertThat(meta.webhooks().verify("subscribe", GraphApiStub.MESSENGER_VERIFY_TOKEN, "1").statusCode()).isEqualTo(403);
    assertThat(meta.webhooks().verify(null, null, null).statusCode()).isEqualTo(400);
    assertThat(meta.webhooks().verify("subscribe", null, "1").statusCode()).isEqualTo(400);
  }

  @Test
  void missingOrWrongSignatureIsRefusedAndNothingIsSentOrMarkedRead() {
    JsonObject body = MetaWebhooks.whatsappText("15550001001", "forged");
    assertThat(meta.webhooks().postUnsigned(body).statusCode()).isEqualTo(401);
    assertThat(meta.webhooks().postWronglySigned(body).statusCode()).isEqualTo(401);

    JsonObject genuine = MetaWebhooks.whatsappText("15550001001", "genuine");
    meta.webhooks().deliver(genuine);
    assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(textReply("15550001001", "genuine"));
    assertThat(meta.graph().awaitReadReceiptFor(MetaWebhooks.messageId(genuine)))
        .isEqualTo(readReceipt(MetaWebhooks.messageId(genuine)));
    String forgedId = MetaWebhooks.messageId(body);
    assertThat(meta.graph().drain()).as("nothing sent or marked read for the forged message")
        .noneMatch(request -> request.body().encode().contains("forged") || request.body().encode().contains(forgedId));
  }

  @Test
  void textRoundTripWithReadReceipt() {
    JsonObject body = MetaWebhooks.whatsappText("16315551234", "hello there");
    meta.webhooks().deliver(body);

    GraphRequest request = meta.graph().awaitWhatsAppRequests(1).get(0);
    assertThat(request.path()).isEqualTo(PATH);
    assertThat(request.authorization()).isEqualTo("Bearer " + GraphApiStub.WHATSAPP_ACCESS_TOKEN);
    assertThat(request.body()).isEqualTo(textReply("16315551234", "hello there"));
    assertThat(meta.graph().awaitReadReceiptFor(MetaWebhooks.messageId(body)))
        .isEqualTo(readReceipt(MetaWebhooks.messageId(body)));
  }

  @Test
  void quickRepliesAreReplyButtons() {
    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550001002", "chips"));

    assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(new JsonObject("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"15550001002","type":"interactive",
         "interactive":{"type":"button","body":{"text":"Pick one"},"action":{"buttons":[
           {"type":"reply","reply":{"id":"Red","title":"Red"}},
           {"type":"reply","reply":{"id":"Green","title":"Green"}},
           {"type":"reply","reply":{"id":"Blue","title":"Blue"}}]}}}"""));
  }

  @Test
  void cardsAreAListMessage() {
    meta.webhooks().deliver(MetaWebhooks.whatsappText("15550001003", "cards"));

    assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(new JsonObject("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"15550001003","type":"interactive",
         "interactive":{"type":"list","body":{"text":"Here are 2 options."},"action":{"button":"See options",
           "sections":[{"rows":[
             {"id":"first","title":"First","description":"A card with a button"},
             {"id":"second","title":"Second","description":"Another one"}]}]}}}"""));
  }

  @Test
  void buttonAndListRepliesReachTheBotAsPayloads() {
    meta.webhooks().deliver(MetaWebhooks.whatsappButtonReply("15550001004", "COLOR_RED", "Red"));
    assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(textReply("15550001004", "COLOR_RED"));
    meta.webhooks().deliver(MetaWebhooks.whatsappListReply("15550001004", "first", "First", "A card with a button"));
    assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(textReply("15550001004", "first"));
  }

  @Test
  void everyMessageOfABatchedWebhookIsHandled() {
    JsonObject batch = MetaWebhooks.batch(
        MetaWebhooks.whatsappOneChange(
            MetaWebhooks.whatsappText("15550002001", "one"),
            MetaWebhooks.whatsappText("15550002001", "two")),
        MetaWebhooks.whatsappStatus("15550002001", "delivered"),
        MetaWebhooks.whatsappText("15550002002", "three"));
    meta.webhooks().deliver(batch);

    List<JsonObject> sent = meta.graph().awaitWhatsAppSends(3);
    assertThat(sent).containsExactlyInAnyOrder(textReply("15550002001", "one"), textReply("15550002001", "two"),
        textReply("15550002002", "three"));
    assertThat(sent.stream().filter(body -> body.getString("to").equals("15550002001"))
        .map(body -> body.getJsonObject("text").getString("body")).toList())
        .as("one conversation keeps its order").containsExactly("one", "two");
    assertThat(meta.graph().awaitReadReceipts(3)).hasSize(3);
  }

  @Test
  void statusesSendNothing() {
    List<String> statusIds = new java.util.ArrayList<>();
    for (String status : List.of("sent", "delivered", "read")) {
      JsonObject webhook = MetaWebhooks.whatsappStatus("15550003001", status);
      statusIds.add(webhook.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
          .getJsonObject("value").getJsonArray("statuses").getJsonObject(0).getString("id"));
      meta.webhooks().deliver(webhook);
    }

    assertNextSendIsTheReplyTo("15550003001", "still here");
    assertThat(meta.graph().awaitReadReceipts(1)).hasSize(1);
    // Receipts are best effort after the 200, so one of an earlier test may still trickle in: check by id.
    assertThat(meta.graph().drain()).as("no read receipts for statuses")
        .noneMatch(request -> statusIds.contains(request.body().getString("message_id")));
  }

  @Test
  void aGraphErrorIsLoggedWithMessageAndCodeAndNotRetried() {
    meta.graph().failWhatsApp(400, 131030, "Recipient phone number not in allowed list");
    try (LogCapture log = LogCapture.of(GraphClient.class)) {
      meta.webhooks().deliver(MetaWebhooks.whatsappText("15550004001", "hello"));

      assertThat(meta.graph().awaitWhatsAppSend()).isEqualTo(textReply("15550004001", "hello"));
      String line = log.await(text -> text.contains("platform=whatsapp"));
      assertThat(line).startsWith("WARN").contains("status=400", "Recipient phone number not in allowed list",
          "code=131030", "retryable=false");
      // Both the reply and the read receipt failed: two lines, never a token.
      log.await(text -> text.contains("platform=whatsapp"));
      assertThat(String.join("\n", log.lines())).doesNotContain(GraphApiStub.WHATSAPP_ACCESS_TOKEN,
          GraphApiStub.WHATSAPP_APP_SECRET);
    }
    meta.graph().reset();
    assertNextSendIsTheReplyTo("15550004001", "recovered");
  }

  @Test
  void aHalfSetGroupStopsStartupNamingTheMissingVariable() {
    Map<String, String> env = meta.graph().whatsappEnv("BOT", "echo");
    env.remove("WHATSAPP_PHONE_NUMBER_ID");
    assertThat(TestServer.startFailure(env)).hasMessageStartingWith("WHATSAPP_PHONE_NUMBER_ID is not set");
  }

  @Test
  void aBodyThatIsANumberIsABadRequestNamingTheField() {
    JsonObject body = MetaWebhooks.whatsappText("15550001003", "x");
    body.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0).getJsonObject("value")
        .getJsonArray("messages").getJsonObject(0).getJsonObject("text").put("body", 42);
    HttpResponse<String> response = meta.webhooks().post(body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getJsonArray("details").getString(0))
        .isEqualTo("entry[0].changes[0].value.messages[0].text.body must be a string");
    assertThat(response.body()).doesNotContain("java.", "class ");
  }
}
