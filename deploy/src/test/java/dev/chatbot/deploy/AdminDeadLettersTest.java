package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's newer half: plain text messages, dead letters, erasure, and the token before anything else. */
class AdminDeadLettersTest {

  private static final String TOKEN = "dead-letters-token";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static GraphApiStub graph;
  private static TestServer server;

  @BeforeAll
  static void start() {
    graph = GraphApiStub.start();
    server = TestServer.start(graph.messengerEnv("BOT", "echo", "ADMIN_API_TOKEN", TOKEN));
  }

  @AfterAll
  static void stop() {
    server.close();
    graph.close();
  }

  @BeforeEach
  void reset() throws Exception {
    graph.reset();
    for (Object letter : deadLetters()) {
      call("DELETE", "/api/v1/dead-letters/" + ((JsonObject) letter).getString("id"), null, TOKEN);
    }
  }

  @Test
  void aMessageWithOnlyTextIsATextMessage() throws Exception {
    HttpResponse<String> accepted = call("POST", "/api/v1/messages", new JsonObject().put("platform", "messenger")
        .put("recipient", "1001").put("message", new JsonObject().put("text", "The shop opens at 9")).encode(), TOKEN);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(graph.awaitMessengerSend().getJsonObject("message").getString("text")).isEqualTo("The shop opens at 9");
  }

  @Test
  void aReplyThePlatformRefusesIsADeadLetterUntilRetriedOrDiscarded() throws Exception {
    graph.failMessenger(400, 100, "(#100) No matching user found");
    MetaWebhooks webhooks = MetaWebhooks.messenger(server);
    webhooks.deliver(MetaWebhooks.messengerText("2002", "keep me"));
    webhooks.deliver(MetaWebhooks.messengerText("3003", "drop me"));
    JsonArray letters = awaitDeadLetters(2);
    JsonObject keep = byRecipient(letters, "2002");
    assertThat(keep.getString("platform")).isEqualTo("messenger");
    assertThat(keep.getJsonObject("message")).isEqualTo(new JsonObject().put("type", "text").put("text", "keep me"));
    assertThat(keep.getString("error")).startsWith("(#100) No matching user found");
    assertThat(keep.getString("failedAt")).isNotBlank();
    assertThat(metrics()).contains("chatbot_dead_letters{platform=\"messenger\"} 2.0");

    graph.reset();
    assertThat(call("POST", "/api/v1/dead-letters/" + keep.getString("id") + "/retry", null, TOKEN).statusCode())
        .isEqualTo(202);
    assertThat(graph.awaitMessengerSend().getJsonObject("message").getString("text")).isEqualTo("keep me");
    String drop = byRecipient(awaitDeadLetters(1), "3003").getString("id");
    assertThat(call("DELETE", "/api/v1/dead-letters/" + drop, null, TOKEN).statusCode()).isEqualTo(204);
    assertThat(call("POST", "/api/v1/dead-letters/" + drop + "/retry", null, TOKEN).statusCode()).isEqualTo(404);
    assertThat(awaitDeadLetters(0)).isEmpty();
    assertThat(metrics()).contains("chatbot_dead_letters{platform=\"messenger\"} 0.0");
    assertThat(graph.drain()).isEmpty();
  }

  @Test
  void erasingAUserRemovesTheirDeadLettersAndState() throws Exception {
    graph.failMessenger(400, 100, "(#100) No matching user found");
    MetaWebhooks.messenger(server).deliver(MetaWebhooks.messengerText("4004", "forget me"));
    awaitDeadLetters(1);
    assertThat(call("DELETE", "/api/v1/users/messenger/4004", null, TOKEN).statusCode()).isEqualTo(204);
    assertThat(deadLetters()).isEmpty();
    assertThat(server.server().stateBackend().stateStore().keys("conversation:messenger:4004")
        .toCompletionStage().toCompletableFuture().get()).isEmpty();
  }

  @Test
  void aStrangerGets401BeforeAnyOtherAnswer() throws Exception {
    assertThat(call("PUT", "/api/v1/messages", "{}", null).statusCode()).isEqualTo(401);
    assertThat(call("DELETE", "/api/v1/users/messenger/4004", null, "wrong").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/dead-letters", null, null).statusCode()).isEqualTo(401);
    assertThat(call("PUT", "/api/v1/messages", "{}", TOKEN).statusCode()).isEqualTo(405);
  }

  private static JsonArray awaitDeadLetters(int count) {
    HttpResponse<String> response = Http.getUntil(server.url("/api/v1/dead-letters"),
        answer -> answer.statusCode() == 200
            && new JsonObject(answer.body()).getJsonArray("deadLetters").size() == count,
        Duration.ofSeconds(10), "authorization", "Bearer " + TOKEN);
    JsonArray letters = new JsonObject(response.body()).getJsonArray("deadLetters");
    assertThat(letters).hasSize(count);
    return letters;
  }

  private static JsonArray deadLetters() throws Exception {
    return new JsonObject(call("GET", "/api/v1/dead-letters", null, TOKEN).body()).getJsonArray("deadLetters");
  }

  private static JsonObject byRecipient(JsonArray letters, String recipient) {
    return letters.stream().map(JsonObject.class::cast)
        .filter(letter -> letter.getString("recipient").equals(recipient)).findFirst().orElseThrow();
  }

  private static String metrics() {
    return Http.get(server.url("/metrics")).body();
  }

  private static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("content-type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
