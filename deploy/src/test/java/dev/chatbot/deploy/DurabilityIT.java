package dev.chatbot.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durable by default (SPEC §4): the fat jar with {@code STATE_STORE=file} killed with SIGKILL at the worst moments
 * and started again on the same {@code DATA_DIR} loses nothing it acknowledged, and sends nothing twice.
 */
class DurabilityIT {

  private static final String TOKEN = "durability-admin-token";
  private static final String MESSENGER_PATH = GraphApiStub.VERSION_PATH + "/me/messages";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GraphApiStub graph;
  private Path dataDir;
  private int port;
  private final List<JarProcess> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    graph = GraphApiStub.start();
    dataDir = Files.createTempDirectory("chatbot-durability");
    port = TestServer.freePort();
  }

  @AfterEach
  void tearDown() {
    started.forEach(JarProcess::close);
    graph.close();
  }

  @Test
  void messagesAndRepliesWaitingWhenKilledAreHandledInOrderAfterARestart() throws Exception {
    graph.failMessenger(500, 2, "Service temporarily unavailable");
    JarProcess first = start("echo");
    MetaWebhooks webhooks = webhooks();
    for (int i = 1; i <= 5; i++) {
      webhooks.deliver(MetaWebhooks.messengerText("alice", "message " + i));
    }
    webhooks.deliver(MetaWebhooks.messengerText("bob", "hello bob"));
    // The first reply of each conversation is being retried: the others wait in the inbox behind it.
    graph.awaitMessengerRequests(2);
    kill(first);
    graph.reset();

    start("echo");
    List<JsonObject> sends = graph.awaitMessengerSends(6);
    assertThat(textsTo(sends, "alice")).containsExactly("message 1", "message 2", "message 3", "message 4",
        "message 5");
    assertThat(textsTo(sends, "bob")).containsExactly("hello bob");
  }

  @Test
  void aCallThePlatformAcceptedIsNotSentAgainAfterARestart() throws Exception {
    // An image with a caption is two Send API calls: the image goes through, the caption keeps failing.
    graph.wireMock().stubFor(post(urlPathEqualTo(MESSENGER_PATH)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.message.text"))
        .willReturn(GraphApiStub.graphError(500, 2, "Service temporarily unavailable")));
    JarProcess first = start("echo");
    HttpResponse<String> accepted = admin("POST", "/api/v1/messages", new JsonObject().put("platform", "messenger")
        .put("recipient", "carol").put("message", new JsonObject().put("type", "image")
            .put("url", "https://shop.example.com/img/oxford.jpg").put("caption", "Our best oxford")).encode());
    assertThat(accepted.statusCode()).isEqualTo(202);
    List<JsonObject> before = graph.awaitMessengerSends(3);
    assertThat(before.get(0).getJsonObject("message").containsKey("attachment")).isTrue();
    assertThat(before.get(1).getJsonObject("message").getString("text")).isEqualTo("Our best oxford");
    kill(first);
    graph.reset();

    start("echo");
    JsonObject caption = graph.awaitMessengerSend();
    assertThat(caption.getJsonObject("message").getString("text")).isEqualTo("Our best oxford");
    // Then a message of the same recipient: had the image been sent again, it would be before this reply.
    webhooks().deliver(MetaWebhooks.messengerText("carol", "thanks"));
    assertThat(textsTo(graph.awaitMessengerSends(1), "carol")).containsExactly("thanks");
    assertThat(graph.drain()).isEmpty();
  }

  @Test
  void anAdminMessageAndItsStatusSurviveKills() throws Exception {
    graph.failMessenger(500, 2, "Service temporarily unavailable");
    JarProcess first = start("echo");
    HttpResponse<String> accepted = admin("POST", "/api/v1/messages", new JsonObject().put("platform", "messenger")
        .put("recipient", "judy").put("message", new JsonObject().put("text", "Your parcel is on its way")).encode());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String status = "/api/v1/messages/" + new JsonObject(accepted.body()).getString("id");
    graph.awaitMessengerRequests(1); // being retried while the platform fails
    assertThat(new JsonObject(admin("GET", status, null).body()).getString("status")).isEqualTo("queued");
    kill(first);
    graph.reset();

    JarProcess second = start("echo");
    assertThat(textsTo(graph.awaitMessengerSends(1), "judy")).containsExactly("Your parcel is on its way");
    HttpResponse<String> sent = Http.getUntil(url(status),
        answer -> answer.statusCode() == 200 && "sent".equals(new JsonObject(answer.body()).getString("status")),
        Duration.ofSeconds(10), "authorization", "Bearer " + TOKEN);
    assertThat(new JsonObject(sent.body())).isEqualTo(new JsonObject().put("id", status.substring(status.lastIndexOf('/') + 1))
        .put("status", "sent").put("platform", "messenger").put("recipient", "judy"));
    kill(second);

    start("echo");
    assertThat(new JsonObject(admin("GET", status, null).body()).getString("status")).isEqualTo("sent");
    assertThat(graph.drain()).as("sent once").isEmpty();
  }

  @Test
  void aRedeliveryAfterAKillIsStillADuplicate() throws Exception {
    graph.failMessenger(500, 2, "Service temporarily unavailable");
    JarProcess first = start("echo");
    JsonObject once = MetaWebhooks.messengerText("dave", "only once");
    webhooks().deliver(once);
    graph.awaitMessengerRequests(1);
    kill(first);
    graph.reset();

    start("echo");
    webhooks().deliver(once);
    webhooks().deliver(MetaWebhooks.messengerText("dave", "something new"));
    assertThat(textsTo(graph.awaitMessengerSends(2), "dave")).containsExactly("only once", "something new");
    assertThat(graph.drain()).isEmpty();
  }

  @Test
  void aCartSurvivesAKill() throws Exception {
    JarProcess first = start("shoe-shop");
    MetaWebhooks webhooks = webhooks();
    webhooks.deliver(MetaWebhooks.messengerText("erin", "brown leather dress shoes size 10.5"));
    JsonObject carousel = awaitSend(send -> send.getJsonObject("message").containsKey("attachment"));
    String buy = carousel.getJsonObject("message").getJsonObject("attachment").getJsonObject("payload")
        .getJsonArray("elements").getJsonObject(0).getJsonArray("buttons").stream()
        .map(JsonObject.class::cast).map(button -> button.getString("payload"))
        .filter(payload -> payload.startsWith("BUY:")).findFirst().orElseThrow();
    webhooks.deliver(MetaWebhooks.messengerPostback("erin", "Buy", buy));
    awaitSend(send -> text(send).startsWith("Added 1 ×"));
    kill(first);

    start("shoe-shop");
    webhooks().deliver(MetaWebhooks.messengerText("erin", "cart"));
    String cart = text(awaitSend(send -> text(send).startsWith("Your cart")));
    assertThat(cart).doesNotContain("empty").contains("10.5");
  }

  @Test
  void deadLettersAreKeptAcrossARestartThenRetriedOrDiscarded() throws Exception {
    graph.failMessenger(400, 100, "(#100) No matching user found");
    JarProcess first = start("echo");
    webhooks().deliver(MetaWebhooks.messengerText("frank", "first"));
    webhooks().deliver(MetaWebhooks.messengerText("grace", "second"));
    graph.awaitMessengerRequests(2);
    JsonArray letters = awaitDeadLetters(2);
    assertThat(letters.getJsonObject(0).getString("error")).contains("No matching user found");
    assertThat(Http.get(url("/metrics")).body()).contains("chatbot_dead_letters{platform=\"messenger\"} 2.0");
    kill(first);
    graph.reset();

    start("echo");
    letters = awaitDeadLetters(2);
    JsonObject frank = letter(letters, "frank");
    JsonObject grace = letter(letters, "grace");
    assertThat(admin("POST", "/api/v1/dead-letters/" + frank.getString("id") + "/retry", null).statusCode())
        .isEqualTo(202);
    assertThat(textsTo(graph.awaitMessengerSends(1), "frank")).containsExactly("first");
    assertThat(admin("DELETE", "/api/v1/dead-letters/" + grace.getString("id"), null).statusCode()).isEqualTo(204);
    assertThat(admin("DELETE", "/api/v1/dead-letters/" + grace.getString("id"), null).statusCode()).isEqualTo(404);
    assertThat(awaitDeadLetters(0)).isEmpty();
    assertThat(graph.drain()).isEmpty();
  }

  @Test
  void erasureForgetsTheUser() throws Exception {
    start("shoe-shop");
    MetaWebhooks webhooks = webhooks();
    webhooks.deliver(MetaWebhooks.messengerText("heidi", "brown leather dress shoes"));
    awaitSend(send -> text(send).contains("What size"));
    webhooks.deliver(MetaWebhooks.messengerText("heidi", "10"));
    awaitSend(send -> text(send).contains("in size 10"));

    assertThat(admin("DELETE", "/api/v1/users/messenger/heidi", null).statusCode()).isEqualTo(204);
    graph.drain();
    webhooks.deliver(MetaWebhooks.messengerText("heidi", "brown leather dress shoes"));
    assertThat(text(graph.awaitMessengerSend())).contains("What size");
  }

  @Test
  void aSecondProcessOnTheSameDataDirExitsWithOneLine() throws Exception {
    start("echo");
    try (JarProcess second = JarProcess.start(env("echo", TestServer.freePort()))) {
      assertThat(second.awaitExit()).isEqualTo(2);
      assertThat(second.output().strip()).isEqualTo("error: DATA_DIR " + dataDir.toRealPath()
          + " is in use by another process (one process per DATA_DIR)");
    }
  }

  @Test
  void aCorruptStoreStopsTheJarWithOneLineInsteadOfStartingEmpty() throws Exception {
    JarProcess first = start("echo");
    webhooks().deliver(MetaWebhooks.messengerText("ivan", "remember me"));
    graph.awaitMessengerSend();
    kill(first);
    Path store = dataDir.resolve("chatbot.mv.db");
    byte[] bytes = Files.readAllBytes(store);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (bytes[i] ^ 0x5A);
    }
    Files.write(store, bytes);

    try (JarProcess corrupt = JarProcess.start(env("echo", port))) {
      assertThat(corrupt.awaitExit()).isEqualTo(2);
      String output = corrupt.output().strip();
      assertThat(output).startsWith("error: DATA_DIR " + dataDir.toRealPath() + " holds a store that cannot be read")
          .contains("restore chatbot.mv.db from a backup").doesNotContain("\n");
    }
  }

  // ---- helpers ----

  private JarProcess start(String bot) throws Exception {
    JarProcess jar = JarProcess.start(env(bot, port));
    started.add(jar);
    jar.awaitReady(url("/health/ready"), Duration.ofSeconds(120));
    return jar;
  }

  private Map<String, String> env(String bot, int httpPort) {
    Map<String, String> env = new HashMap<>(graph.messengerEnv());
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(httpPort));
    env.put("BOT", bot);
    env.put("DATA_DIR", dataDir.toString());
    env.put("ADMIN_API_TOKEN", TOKEN);
    // Retries every 50-100 ms, for as long as the test needs: the platform stub decides when it heals.
    env.put("SEND_RETRY_BASE_MILLIS", "100");
    env.put("SEND_RETRY_MAX_MILLIS", "100");
    env.put("SEND_MAX_ATTEMPTS", "50");
    return env;
  }

  private static void kill(JarProcess jar) throws InterruptedException {
    jar.close();
    jar.awaitExit();
  }

  private MetaWebhooks webhooks() {
    return new MetaWebhooks(url("/webhooks/messenger"), GraphApiStub.MESSENGER_APP_SECRET);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .header("authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("content-type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonArray awaitDeadLetters(int count) throws Exception {
    HttpResponse<String> response = Http.getUntil(url("/api/v1/dead-letters"),
        answer -> answer.statusCode() == 200
            && new JsonObject(answer.body()).getJsonArray("deadLetters").size() == count,
        Duration.ofSeconds(10), "authorization", "Bearer " + TOKEN);
    return new JsonObject(response.body()).getJsonArray("deadLetters");
  }

  private static JsonObject letter(JsonArray letters, String recipient) {
    return letters.stream().map(JsonObject.class::cast)
        .filter(letter -> letter.getString("recipient").equals(recipient)).findFirst().orElseThrow();
  }

  /** The next send matching {@code wanted}, skipping the others (several messages answer one search). */
  private JsonObject awaitSend(java.util.function.Predicate<JsonObject> wanted) {
    for (int i = 0; i < 10; i++) {
      JsonObject send = graph.awaitMessengerSend();
      if (wanted.test(send)) {
        return send;
      }
    }
    throw new AssertionError("no such send among the next 10");
  }

  private static String text(JsonObject send) {
    return send.getJsonObject("message") == null ? ""
        : send.getJsonObject("message").getString("text", "");
  }

  private static List<String> textsTo(List<JsonObject> sends, String psid) {
    return sends.stream()
        .filter(send -> psid.equals(send.getJsonObject("recipient").getString("id")))
        .map(send -> send.getJsonObject("message").getString("text"))
        .toList();
  }
}
