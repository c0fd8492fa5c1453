package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API of SPEC §3: bearer token, contract validation, proactive messages and their status. */
class AdminApiTest {

  private static final String TOKEN = "admin-token-for-tests";
  private static final String[] AUTH = {"authorization", "Bearer " + TOKEN, "content-type", "application/json"};
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "echo", "ADMIN_API_TOKEN", TOKEN, "REFUSING_ADAPTER", "on"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void refusesRequestsWithoutTheRightBearerToken() {
    String body = send("test", "C123", Reply.text("hi")).encode();
    for (String[] headers : List.of(
        new String[] {"content-type", "application/json"},
        new String[] {"authorization", "Bearer wrong-token", "content-type", "application/json"},
        new String[] {"authorization", "Basic " + TOKEN, "content-type", "application/json"})) {
      HttpResponse<String> response = Http.post(server.url("/api/v1/messages"), body, headers);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertError(response, "unauthorized");
    }
    assertThat(Http.get(server.url("/api/v1/adapters")).statusCode()).isEqualTo(401);
    assertThat(Http.get(server.url("/api/v1/messages/anything")).statusCode()).isEqualTo(401);
    assertThat(server.testAdapter().replies("C123")).isEmpty();
  }

  @Test
  void aBodyThatFailsTheContractGets400NamingTheField() {
    JsonObject missingRecipient = send("test", "C123", Reply.text("hi"));
    missingRecipient.remove("recipient");
    assertThat(details(post(missingRecipient))).containsExactly("recipient: is required");

    JsonObject textNotAString = send("test", "C123", Reply.text("hi"));
    textNotAString.getJsonObject("message").put("text", 42);
    assertThat(details(post(textNotAString))).singleElement().asString().startsWith("message.text:");

    JsonObject cardWithoutTitle = send("test", "C123", Reply.cards(List.of(Card.of("Oxford", null, null))));
    cardWithoutTitle.getJsonObject("message").getJsonArray("cards").getJsonObject(0).remove("title");
    assertThat(details(post(cardWithoutTitle))).containsExactly("message.cards.0.title: is required");

    JsonObject unknownType = send("test", "C123", Reply.text("hi"));
    unknownType.getJsonObject("message").put("type", "video");
    assertThat(details(post(unknownType))).anySatisfy(detail -> assertThat(detail).contains("message.type"));

    JsonObject unknownField = send("test", "C123", Reply.text("hi")).put("priority", "high");
    assertThat(details(post(unknownField))).anySatisfy(detail -> assertThat(detail).contains("priority"));

    HttpResponse<String> malformed = Http.post(server.url("/api/v1/messages"), "{\"platform\": \"test\",", AUTH);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertError(malformed, "malformed JSON");

    assertThat(server.testAdapter().replies("C123")).isEmpty();
  }

  @Test
  void contentTypeParametersAreAcceptedAndAMissingContentTypeIsA400() {
    String body = send("test", "C-charset", Reply.text("hi")).encode();
    HttpResponse<String> charset = Http.post(server.url("/api/v1/messages"), body,
        "authorization", "Bearer " + TOKEN, "content-type", "application/json; charset=utf-8");
    assertThat(charset.statusCode()).as(charset.body()).isEqualTo(202);
    HttpResponse<String> none = Http.post(server.url("/api/v1/messages"), body, "authorization", "Bearer " + TOKEN);
    assertThat(none.statusCode()).isEqualTo(400);
    assertError(none, "request does not match the API contract");
  }

  @Test
  void aBodyOverOneMebibyteIs413() {
    JsonObject huge = send("test", "C-huge", Reply.text("x".repeat(1024 * 1024 + 10)));
    HttpResponse<String> response = post(huge);
    assertThat(response.statusCode()).isEqualTo(413);
    assertError(response, "request body too large");
  }

  @Test
  void anUnknownOrDisabledPlatformGets400NamingPlatform() {
    for (String platform : List.of("telegram", "slack")) {
      HttpResponse<String> response = post(send(platform, "C123", Reply.text("hi")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(details(response)).anySatisfy(detail -> assertThat(detail).startsWith("platform").contains(platform));
    }
  }

  @Test
  void aProactiveMessageIsAcceptedDeliveredAndReportedSent() throws InterruptedException {
    Reply reply = Reply.cards(List.of(
            Card.of("Oxford, brown", "$129.00", "https://shop.example/img/1.jpg", Button.postback("Buy", "buy:1"),
                Button.link("Details", "https://shop.example/1")),
            Card.of("Derby, black", null, null)))
        .withQuickReplies(QuickReply.of("More", "more"));
    HttpResponse<String> accepted = post(send("test", "C-proactive", reply).put("thread", "T1"));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonObject body = new JsonObject(accepted.body());
    assertThat(body.getString("status")).isEqualTo("queued");
    String id = body.getString("id");
    assertThat(accepted.headers().firstValue("location")).hasValue("/api/v1/messages/" + id);

    assertThat(server.testAdapter().replies("C-proactive").poll(10, TimeUnit.SECONDS)).isEqualTo(reply);
    HttpResponse<String> status = Http.getUntil(server.url("/api/v1/messages/" + id),
        response -> new JsonObject(response.body()).getString("status").equals("sent"), Duration.ofSeconds(10), AUTH);
    assertThat(new JsonObject(status.body()).getMap()).containsEntry("id", id).containsEntry("status", "sent")
        .containsEntry("platform", "test").containsEntry("recipient", "C-proactive").doesNotContainKey("error");
  }

  @Test
  void everyKindOfNeutralReplyPassesTheContractAndArrivesUnchanged() throws InterruptedException {
    List<Reply> replies = List.of(
        Reply.text("The shop opens at 9."),
        Reply.quickReplies("Which colour?", List.of(QuickReply.of("Brown", "colour:brown"), QuickReply.of("Black"))),
        Reply.cards(List.of(Card.of("Loafer", "$99", "https://shop.example/l.jpg", Button.postback("Buy", "buy:2")))),
        new Reply.Image("https://shop.example/size-chart.png", "Size chart"),
        Reply.image("https://shop.example/logo.png"),
        Reply.typing());
    for (Reply reply : replies) {
      HttpResponse<String> accepted = post(send("test", "C-kinds", reply));
      assertThat(accepted.statusCode()).as("%s -> %s", JsonObject.mapFrom(reply), accepted.body()).isEqualTo(202);
      assertThat(server.testAdapter().replies("C-kinds").poll(10, TimeUnit.SECONDS)).isEqualTo(reply);
    }
  }

  @Test
  void aSendThePlatformRefusesIsReportedFailedWithThePlatformsError() {
    HttpResponse<String> accepted = post(send(RefusingAdapter.PLATFORM, "nobody", Reply.text("hi")));
    assertThat(accepted.statusCode()).isEqualTo(202);
    String id = new JsonObject(accepted.body()).getString("id");

    HttpResponse<String> status = Http.getUntil(server.url("/api/v1/messages/" + id),
        response -> !new JsonObject(response.body()).getString("status").equals("queued"), Duration.ofSeconds(10), AUTH);
    JsonObject json = new JsonObject(status.body());
    assertThat(json.getString("status")).isEqualTo("failed");
    assertThat(json.getString("error")).isEqualTo(RefusingAdapter.PLATFORM_ERROR);
  }

  @Test
  void anUnknownMessageIdIs404() {
    HttpResponse<String> response = Http.get(server.url("/api/v1/messages/no-such-id"), AUTH);
    assertThat(response.statusCode()).isEqualTo(404);
    assertError(response, "unknown message id");
  }

  @Test
  void listsTheEnabledAdaptersWithTheirWebhooks() {
    HttpResponse<String> response = Http.get(server.url("/api/v1/adapters"), AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray adapters = new JsonObject(response.body()).getJsonArray("adapters");
    assertThat(adapters.stream().map(a -> ((JsonObject) a).getString("platform")))
        .contains("test", RefusingAdapter.PLATFORM).doesNotContain("slack", "messenger", "whatsapp");
    JsonObject test = adapters.stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("platform").equals("test")).findFirst().orElseThrow();
    assertThat(test.getString("webhookPath")).isEqualTo("/webhooks/test");
    assertThat(test.getString("webhookUrl")).endsWith("/webhooks/test");
  }

  @Test
  void theAdminApiIsOffWithoutAToken() {
    try (TestServer plain = TestServer.start(Map.of("BOT", "echo"))) {
      assertThat(Http.get(plain.url("/api/v1/adapters"), AUTH).statusCode()).isEqualTo(404);
      assertThat(Http.post(plain.url("/api/v1/messages"), send("test", "C1", Reply.text("hi")).encode(), AUTH)
          .statusCode()).isEqualTo(404);
    }
  }

  static JsonObject send(String platform, String recipient, Reply reply) {
    return new JsonObject().put("platform", platform).put("recipient", recipient).put("message", JsonObject.mapFrom(reply));
  }

  private static HttpResponse<String> post(JsonObject body) {
    return Http.post(server.url("/api/v1/messages"), body.encode(), AUTH);
  }

  private static List<String> details(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("error")).isNotBlank();
    return body.getJsonArray("details").stream().map(String::valueOf).toList();
  }

  private static void assertError(HttpResponse<String> response, String error) {
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getJsonArray("details")).isNotNull();
  }

}
