package dev.chatbot.adapters.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.adapters.meta.GraphClient;
import dev.chatbot.adapters.meta.MetaHandshake;
import dev.chatbot.testkit.ApiDescription;
import dev.chatbot.testkit.LogCapture;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.GraphApiStub.GraphRequest;
import dev.chatbot.testkit.meta.MetaTestServer;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Messenger adapter in the running server (echo bot), against a WireMock Graph API. */
class MessengerWebhookTest {

  @RegisterExtension
  static final MetaTestServer meta = MetaTestServer.messenger("BOT", "echo");

  private static JsonObject textReply(String psid, String text) {
    return new JsonObject()
        .put("recipient", new JsonObject().put("id", psid))
        .put("messaging_type", "RESPONSE")
        .put("message", new JsonObject().put("text", text));
  }

  /** A message after the ones under test: its reply coming next proves nothing else was sent before it. */
  private static void assertNextSendIsTheReplyTo(String psid, String sentinel) {
    meta.webhooks().deliver(MetaWebhooks.messengerText(psid, sentinel));
    assertThat(meta.graph().awaitMessengerSend()).isEqualTo(textReply(psid, sentinel));
    assertThat(meta.graph().pendingMessengerSends()).isEmpty();
  }

  /** The adapter's own OpenAPI fragment is merged into {@code /openapi.yaml}, every reference resolving. */
  @Test
  void theServersApiDescriptionHasTheAdaptersRoutes() {
    ApiDescription api = ApiDescription.of(meta.server());
    assertThat(api.methods("/webhooks/messenger")).containsExactly("get", "post");
    assertThat(api.unresolvedReferences()).isEmpty();
  }

  @Test
  void verificationEchoesTheChallengeAsPlainText() {
    HttpResponse<String> response = meta.webhooks().verify("subscribe", GraphApiStub.MESSENGER_VERIFY_TOKEN, "1158201444");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1158201444");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
  }

  @Test
  void verificationWithAWrongTokenIsForbiddenAndNoTokenIsLogged() {
    try (LogCapture log = LogCapture.of(MetaHandshake.class)) {
      assertThat(meta.webhooks().verify("subscribe", "not-the-token", "1158201444").statusCode()).isEqualTo(403);
      assertThat(log.await(line -> line.contains("refused"))).contains("reason=wrong_verify_token")
          .doesNotContain("not-the-token");
      meta.webhooks().verify("subscribe", GraphApiStub.MESSENGER_VERIFY_TOKEN, "1");
      assertThat(log.await(line -> line.contains("verified"))).doesNotContain(GraphApiStub.MESSENGER_VERIFY_TOKEN);
    }
  }

  @Test
  void verificationWithoutParametersIsABadRequest() {
    assertThat(meta.webhooks().verify(null, null, null).statusCode()).isEqualTo(400);
    assertThat(meta.webhooks().verify("subscribe", GraphApiStub.MESSENGER_VERIFY_TOKEN, null).statusCode()).isEqualTo(400);
    assertThat(meta.webhooks().verify("subscribe", null, "1158201444").statusCode()).isEqualTo(400);
  }

  @Test
  void missingOrWrongSignatureIsRefusedAndNothingIsSent() {
    JsonObject body = MetaWebhooks.messengerText("1001", "forged");
    HttpResponse<String> unsigned = meta.webhooks().postUnsigned(body);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(unsigned.body()).getString("error")).isEqualTo("invalid signature");
    assertThat(meta.webhooks().postWronglySigned(body).statusCode()).isEqualTo(401);
    assertThat(meta.webhooks().postWithSignature(body.encode(), "sha256=").statusCode()).isEqualTo(401);

    assertNextSendIsTheReplyTo("1001", "genuine");
    assertThat(metrics()).contains("chatbot_webhook_requests_total{outcome=\"bad_signature\",platform=\"messenger\"}");
  }

  @Test
  void textRoundTrip() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("1002", "hello there"));

    GraphRequest request = meta.graph().awaitMessengerRequests(1).get(0);
    assertThat(request.path()).isEqualTo("/v23.0/me/messages");
    assertThat(request.authorization()).isEqualTo("Bearer " + GraphApiStub.MESSENGER_PAGE_ACCESS_TOKEN);
    assertThat(request.body()).isEqualTo(textReply("1002", "hello there"));
  }

  @Test
  void quickRepliesAreRendered() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("1003", "chips"));

    assertThat(meta.graph().awaitMessengerSend()).isEqualTo(new JsonObject("""
        {"recipient":{"id":"1003"},"messaging_type":"RESPONSE","message":{"text":"Pick one","quick_replies":[
          {"content_type":"text","title":"Red","payload":"Red"},
          {"content_type":"text","title":"Green","payload":"Green"},
          {"content_type":"text","title":"Blue","payload":"Blue"}]}}"""));
  }

  @Test
  void carouselIsAGenericTemplate() {
    meta.webhooks().deliver(MetaWebhooks.messengerText("1004", "cards"));

    assertThat(meta.graph().awaitMessengerSend()).isEqualTo(new JsonObject("""
        {"recipient":{"id":"1004"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
          "payload":{"template_type":"generic","elements":[
            {"title":"First","subtitle":"A card with a button",
             "buttons":[{"type":"postback","title":"Choose first","payload":"first"}]},
            {"title":"Second","subtitle":"Another one",
             "buttons":[{"type":"postback","title":"Choose second","payload":"second"}]}]}}}}"""));
  }

  @Test
  void quickReplyTapsAndPostbacksReachTheBotAsPayloads() {
    meta.webhooks().deliver(MetaWebhooks.messengerQuickReply("1005", "Red", "COLOR_RED"));
    assertThat(meta.graph().awaitMessengerSend()).isEqualTo(textReply("1005", "COLOR_RED"));
    meta.webhooks().deliver(MetaWebhooks.messengerPostback("1005", "Get Started", "GET_STARTED"));
    assertThat(meta.graph().awaitMessengerSend()).isEqualTo(textReply("1005", "GET_STARTED"));
  }

  @Test
  void everyMessageOfABatchedWebhookIsHandled() {
    JsonObject batch = MetaWebhooks.batch(
        MetaWebhooks.messengerOneEntry(
            MetaWebhooks.messengerText("2001", "one"),
            MetaWebhooks.messengerDelivery("2001"),
            MetaWebhooks.messengerText("2001", "two")),
        MetaWebhooks.messengerText("2002", "three"),
        MetaWebhooks.messengerEcho("2002", "an echo"));
    meta.webhooks().deliver(batch);

    List<JsonObject> sent = meta.graph().awaitMessengerSends(3);
    assertThat(sent).containsExactlyInAnyOrder(textReply("2001", "one"), textReply("2001", "two"),
        textReply("2002", "three"));
    List<String> firstUser = sent.stream()
        .filter(body -> body.getJsonObject("recipient").getString("id").equals("2001"))
        .map(body -> body.getJsonObject("message").getString("text")).toList();
    assertThat(firstUser).as("one conversation keeps its order").containsExactly("one", "two");
    assertNextSendIsTheReplyTo("2002", "after the batch");
  }

  @Test
  void echoesDeliveryAndReadReceiptsSendNothing() {
    meta.webhooks().deliver(MetaWebhooks.messengerEcho("3001", "what the page said"));
    meta.webhooks().deliver(MetaWebhooks.messengerDelivery("3001"));
    meta.webhooks().deliver(MetaWebhooks.messengerRead("3001"));

    assertNextSendIsTheReplyTo("3001", "still here");
  }

  @Test
  void aRedeliveredMessageIsAnsweredOnce() {
    JsonObject body = MetaWebhooks.messengerText("3002", "only once");
    meta.webhooks().deliver(body);
    meta.webhooks().deliver(body);

    assertThat(meta.graph().awaitMessengerSend()).isEqualTo(textReply("3002", "only once"));
    assertNextSendIsTheReplyTo("3002", "next");
  }

  @Test
  void aTextThatIsAnObjectIsABadRequestNamingTheField() {
    JsonObject body = MetaWebhooks.messengerText("1002", "x");
    body.getJsonArray("entry").getJsonObject(0).getJsonArray("messaging").getJsonObject(0).getJsonObject("message")
        .put("text", new JsonObject().put("a", 1));
    HttpResponse<String> response = meta.webhooks().post(body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getJsonArray("details").getString(0))
        .isEqualTo("entry[0].messaging[0].message.text must be a string");
    assertThat(response.body()).doesNotContain("java.", "class ");
  }

  @Test
  void malformedJsonIsABadRequest() {
    HttpResponse<String> response = meta.webhooks().post("{\"object\":\"page\",");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("malformed JSON");
  }

  @Test
  void aGraphErrorIsLoggedWithMessageAndCodeAndNotRetried() {
    meta.graph().failMessenger(400, 100, "(#100) No matching user found");
    try (LogCapture log = LogCapture.of(GraphClient.class)) {
      meta.webhooks().deliver(MetaWebhooks.messengerText("4001", "hello"));

      assertThat(meta.graph().awaitMessengerSend()).isEqualTo(textReply("4001", "hello"));
      String line = log.await(text -> text.contains("platform=messenger"));
      assertThat(line).startsWith("WARN").contains("status=400", "(#100) No matching user found", "code=100",
          "retryable=false");
      assertThat(String.join("\n", log.lines())).doesNotContain(GraphApiStub.MESSENGER_PAGE_ACCESS_TOKEN,
          GraphApiStub.MESSENGER_APP_SECRET);
    }
    meta.graph().reset();
    // Same conversation: a retry of the failed send would arrive before this reply.
    assertNextSendIsTheReplyTo("4001", "recovered");
    assertThat(metrics()).containsPattern("chatbot_send_failures_total\\{platform=\"messenger\",reason=\"[a-z]+\"\\} 1\\.0");
  }

  @Test
  void onlyTheConfiguredPlatformIsOn() {
    Set<String> platforms = meta.server().server().adapters().keySet().stream().collect(Collectors.toSet());
    assertThat(platforms).contains("messenger").doesNotContain("whatsapp");
  }

  @Test
  void aHalfSetGroupStopsStartupNamingTheMissingVariable() {
    Throwable failure = TestServer.startFailure(Map.of(
        "BOT", "echo",
        "MESSENGER_VERIFY_TOKEN", "v",
        "MESSENGER_APP_SECRET", "s"));
    assertThat(failure).hasMessageStartingWith("MESSENGER_PAGE_ACCESS_TOKEN is not set");
    assertThat(failure.getMessage()).doesNotContain("\n");

    Map<String, String> env = meta.graph().messengerEnv("BOT", "echo");
    env.put("MESSENGER_API_BASE_URL", "meta.graph().facebook.com");
    Throwable badUrl = TestServer.startFailure(env);
    assertThat(badUrl).hasMessageContaining("MESSENGER_API_BASE_URL");
  }

  private static String metrics() {
    try {
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
          .send(HttpRequest.newBuilder(URI.create(meta.server().url("/metrics"))).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
