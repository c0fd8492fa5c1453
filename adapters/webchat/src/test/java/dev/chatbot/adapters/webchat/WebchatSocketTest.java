package dev.chatbot.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web chat over its real WebSocket, against the whole server with the echo bot behind it. */
class WebchatSocketTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "echo"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SocketClient open(String conversation) {
    return SocketClient.connect(server.url("/chat/ws?conversation=" + conversation + "&user=user-" + conversation));
  }

  private static String newConversation() {
    return SessionIds.fresh();
  }

  @Test
  void pageAndItsFilesAreServedAtChatAndChatSlash() throws Exception {
    for (String path : new String[] {"/chat", "/chat/"}) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("content-type")).get().asString().startsWith("text/html");
      assertThat(page.headers().firstValue("content-security-policy")).get().asString().contains("script-src 'self'");
      assertThat(page.body()).contains("/chat/chat.js", "/chat/chat.css", "id=\"input\"");
    }
    assertThat(get("/chat/chat.js").headers().firstValue("content-type")).get().asString().contains("javascript");
    assertThat(get("/chat/chat.css").headers().firstValue("content-type")).get().asString().startsWith("text/css");
    assertThat(get("/chat/nothing-here.js").statusCode()).isEqualTo(404);
  }

  @Test
  void theSocketPathWithoutAnUpgradeIsABadRequest() throws Exception {
    HttpResponse<String> response = get("/chat/ws");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("error")).contains("WebSocket");
  }

  @Test
  void aTextGoesToTheBotAndItsReplyComesBack() {
    String conversation = newConversation();
    try (SocketClient client = open(conversation)) {
      JsonObject session = client.take("session");
      assertThat(session.getString("conversation")).isEqualTo(conversation);
      assertThat(session.getString("user")).isEqualTo("user-" + conversation);

      client.sendText("m1", "hello there");
      assertThat(client.take("ack")).isEqualTo(new JsonObject().put("type", "ack").put("id", "m1").put("duplicate", false));
      assertThat(client.take("text")).isEqualTo(new JsonObject().put("type", "text").put("text", "hello there"));
    }
  }

  @Test
  void quickRepliesArriveAsTheirJsonAndATapComesBackAsAPostback() {
    try (SocketClient client = open(newConversation())) {
      client.take("session");
      client.sendText("m1", "chips");
      JsonObject chips = client.take("quick_replies");
      assertThat(chips.getString("text")).isEqualTo("Pick one");
      assertThat(chips.getJsonArray("options")).isEqualTo(new JsonArray()
          .add(new JsonObject().put("title", "Red").put("payload", "Red"))
          .add(new JsonObject().put("title", "Green").put("payload", "Green"))
          .add(new JsonObject().put("title", "Blue").put("payload", "Blue")));

      client.sendPostback("m2", "Green", "Green");
      assertThat(client.take("text").getString("text")).isEqualTo("Green");

      client.sendText("m3", "cards");
      JsonArray cards = client.take("cards").getJsonArray("cards");
      assertThat(cards).hasSize(2);
      assertThat(cards.getJsonObject(0).getString("title")).isEqualTo("First");
      assertThat(cards.getJsonObject(0).getJsonArray("buttons").getJsonObject(0).getString("payload")).isEqualTo("first");
    }
  }

  @Test
  void badFramesGetAnErrorFrameAndTheSocketKeepsWorking() {
    try (SocketClient client = open(newConversation())) {
      client.take("session");
      client.sendRaw("this is not json");
      assertThat(client.take("error").getString("error")).contains("not a JSON object");
      client.sendRaw("[1,2,3]");
      assertThat(client.take("error").getString("error")).contains("not a JSON object");
      client.sendRaw("{\"type\":\"dance\",\"id\":\"x1\"}");
      JsonObject unknown = client.take("error");
      assertThat(unknown.getString("error")).contains("unknown type");
      assertThat(unknown.getString("id")).isEqualTo("x1");
      assertThat(unknown.getBoolean("retry")).isFalse();
      client.sendRaw("{\"type\":\"text\",\"id\":\"x2\"}");
      assertThat(client.take("error").getString("error")).contains("missing text");
      client.sendRaw("{\"type\":\"text\",\"id\":\"x3\",\"text\":42}");
      assertThat(client.take("error").getString("error")).contains("text must be a string");
      client.sendRaw("{\"type\":\"text\",\"id\":\"bad id!\",\"text\":\"hi\"}");
      assertThat(client.take("error").getString("error")).contains("id must be");
      client.sendText("x4", "x".repeat(ClientFrame.MAX_FRAME_CHARS + 1));
      assertThat(client.take("error").getString("error")).contains("too large");

      client.sendText("ok1", "still here");
      assertThat(client.take("text").getString("text")).isEqualTo("still here");
      client.sendRaw("{\"type\":\"ping\"}");
      client.take("pong");
    }
    assertThat(server.server().metrics().registry().get("chatbot_webhook_requests").tag("platform", "webchat")
        .tag("outcome", "bad_request").counter().count()).isGreaterThanOrEqualTo(7);
  }

  @Test
  void aResentMessageIdIsAcknowledgedButHandledOnce() {
    String conversation = newConversation();
    try (SocketClient client = open(conversation)) {
      client.take("session");
      client.sendText("same-id", "once");
      assertThat(client.take("ack").getBoolean("duplicate")).isFalse();
      assertThat(client.take("text").getString("text")).isEqualTo("once");
    }
    // The page resends after a reconnect when it missed the ack: same id, new socket.
    try (SocketClient again = open(conversation)) {
      again.take("session");
      again.sendText("same-id", "once");
      JsonObject ack = again.take("ack");
      assertThat(ack.getString("id")).isEqualTo("same-id");
      assertThat(ack.getBoolean("duplicate")).isTrue();
      // One conversation is handled in order: the next echo proves "once" was not handled a second time.
      again.sendText("next-id", "twice");
      assertThat(again.take("text").getString("text")).isEqualTo("twice");
    }
  }

  @Test
  void repliesSentWhileNoTabIsConnectedArriveOnReconnectInOrder() throws Exception {
    String conversation = newConversation();
    var adapter = server.server().adapters().get(WebchatAdapter.PLATFORM);
    ConversationRef ref = ConversationRef.of(WebchatAdapter.PLATFORM, conversation);
    await(adapter.send(ref, Reply.text("while you were away")));
    await(adapter.send(ref, Reply.typing()));
    await(adapter.send(ref, Reply.quickReplies("Still there?", "Yes", "No")));

    try (SocketClient client = open(conversation)) {
      // Strictly in order: the session first, then the queue; a typing indicator is not worth queueing.
      assertThat(client.next().getString("type")).isEqualTo("session");
      assertThat(client.next()).isEqualTo(new JsonObject().put("type", "text").put("text", "while you were away"));
      assertThat(client.next().getString("text")).isEqualTo("Still there?");
    }
  }

  @Test
  void everyTabOfAConversationGetsItsReplies() {
    String conversation = newConversation();
    try (SocketClient first = open(conversation); SocketClient second = open(conversation)) {
      first.take("session");
      second.take("session");
      first.sendText("t1", "to both");
      assertThat(first.take("text").getString("text")).isEqualTo("to both");
      assertThat(second.take("text").getString("text")).isEqualTo("to both");
    }
  }

  @Test
  void missingOrUnusableIdsAreReplacedByFreshOnes() {
    try (SocketClient client = SocketClient.connect(server.url("/chat/ws?conversation=short"))) {
      JsonObject session = client.take("session");
      assertThat(session.getString("conversation")).matches("[0-9a-f]{32}");
      assertThat(session.getString("user")).matches("[0-9a-f]{32}");
      client.sendText("m1", "works anyway");
      assertThat(client.take("text").getString("text")).isEqualTo("works anyway");
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
