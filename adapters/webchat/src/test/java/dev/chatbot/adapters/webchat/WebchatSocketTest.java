package dev.chatbot.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.ApiDescription;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** A new tab: no ids presented, so the server issues a conversation and a user. */
  private static SocketClient open() {
    return SocketClient.connect(server.url("/chat/ws"));
  }

  /** The same browser tab again: the ids of its {@code session} frame, with their tokens. */
  private static SocketClient resume(JsonObject session) {
    return SocketClient.connect(SocketClient.resumeUrl(server.url("/chat/ws"), session));
  }

  /** The adapter's own OpenAPI fragment is merged into {@code /openapi.yaml}, every reference resolving. */
  @Test
  void theServersApiDescriptionHasTheAdaptersRoutes() {
    ApiDescription api = ApiDescription.of(server);
    assertThat(api.methods("/chat")).containsExactly("get");
    assertThat(api.methods("/chat/ws")).containsExactly("get");
    assertThat(api.unresolvedReferences()).isEmpty();
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
    try (SocketClient client = open()) {
      JsonObject session = client.take("session");
      assertThat(session.getString("conversation")).matches("[0-9a-f]{32}");
      assertThat(session.getString("user")).matches("[0-9a-f]{32}");
      assertThat(session.getString("conversation_token")).isNotBlank();
      assertThat(session.getString("user_token")).isNotBlank();

      client.sendText("m1", "hello there");
      assertThat(client.take("ack")).isEqualTo(new JsonObject().put("type", "ack").put("id", "m1").put("duplicate", false));
      assertThat(client.take("text")).isEqualTo(new JsonObject().put("type", "text").put("text", "hello there"));
    }
  }

  @Test
  void quickRepliesArriveAsTheirJsonAndATapComesBackAsAPostback() {
    try (SocketClient client = open()) {
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
    try (SocketClient client = open()) {
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
    JsonObject session;
    try (SocketClient client = open()) {
      session = client.take("session");
      client.sendText("same-id", "once");
      assertThat(client.take("ack").getBoolean("duplicate")).isFalse();
      assertThat(client.take("text").getString("text")).isEqualTo("once");
    }
    // The page resends after a reconnect when it missed the ack: same id, new socket.
    try (SocketClient again = resume(session)) {
      assertThat(again.take("session").getString("conversation")).isEqualTo(session.getString("conversation"));
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
    JsonObject session = sessionOfAClosedTab();
    var adapter = server.server().adapters().get(WebchatAdapter.PLATFORM);
    ConversationRef ref = ConversationRef.of(WebchatAdapter.PLATFORM, session.getString("conversation"));
    await(adapter.send(ref, Reply.text("while you were away")));
    await(adapter.send(ref, Reply.typing()));
    await(adapter.send(ref, Reply.quickReplies("Still there?", "Yes", "No")));

    try (SocketClient client = resume(session)) {
      // Strictly in order: the session first, then the queue; a typing indicator is not worth queueing.
      assertThat(client.next().getString("type")).isEqualTo("session");
      assertThat(client.next()).isEqualTo(new JsonObject().put("type", "text").put("text", "while you were away"));
      assertThat(client.next().getString("text")).isEqualTo("Still there?");
    }
  }

  @Test
  void everyTabOfAConversationGetsItsReplies() {
    try (SocketClient first = open()) {
      JsonObject session = first.take("session");
      try (SocketClient second = resume(session)) {
        second.take("session");
        first.sendText("t1", "to both");
        assertThat(first.take("text").getString("text")).isEqualTo("to both");
        assertThat(second.take("text").getString("text")).isEqualTo("to both");
      }
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

  @Test
  void idsChosenByTheClientOrPresentedWithoutTheirTokenAreReplaced() {
    String chosen = SessionIds.fresh();
    try (SocketClient client = SocketClient.connect(server.url("/chat/ws?conversation=" + chosen + "&user=" + chosen))) {
      JsonObject session = client.take("session");
      assertThat(session.getString("conversation")).isNotEqualTo(chosen).matches("[0-9a-f]{32}");
      assertThat(session.getString("user")).isNotEqualTo(chosen);
    }
    try (SocketClient owner = open()) {
      JsonObject session = owner.take("session");
      // A conversation token is no user token, and a token of one id does not open another.
      JsonObject swapped = session.copy().put("user_token", session.getString("conversation_token"));
      try (SocketClient other = resume(swapped)) {
        JsonObject issued = other.take("session");
        assertThat(issued.getString("conversation")).isEqualTo(session.getString("conversation"));
        assertThat(issued.getString("user")).isNotEqualTo(session.getString("user"));
      }
    }
  }

  @Test
  void aSecondSocketWithAnotherBrowsersConversationIdCannotReadOrPostIntoIt() throws Exception {
    var adapter = server.server().adapters().get(WebchatAdapter.PLATFORM);
    JsonObject owner;
    try (SocketClient tab = open()) {
      owner = tab.take("session");
      tab.sendText("o1", "ship to 1 Main Street");
      assertThat(tab.take("text").getString("text")).isEqualTo("ship to 1 Main Street");
    }
    String conversation = owner.getString("conversation");
    awaitDisconnected(conversation);
    // Queued while the owner is away: the kind of reply an intruder would want.
    await(adapter.send(ConversationRef.of(WebchatAdapter.PLATFORM, conversation), Reply.text("order 77 confirmed")));

    JsonObject withoutToken = owner.copy();
    withoutToken.remove("conversation_token");
    JsonObject withWrongToken = owner.copy().put("conversation_token", owner.getString("user_token"));
    for (JsonObject stolen : new JsonObject[] {withoutToken, withWrongToken}) {
      try (SocketClient intruder = resume(stolen)) {
        JsonObject session = intruder.next();
        assertThat(session.getString("type")).isEqualTo("session");
        assertThat(session.getString("conversation")).as("a fresh conversation").isNotEqualTo(conversation);
        intruder.sendText("i1", "posted by the intruder");
        // Nothing queued for the owner comes before or between: the intruder's frames are exactly its own.
        assertThat(intruder.next().getString("type")).isEqualTo("ack");
        assertThat(intruder.next()).isEqualTo(new JsonObject().put("type", "text").put("text", "posted by the intruder"));
      }
    }

    try (SocketClient back = resume(owner)) {
      assertThat(back.next().getString("conversation")).isEqualTo(conversation);
      assertThat(back.next()).as("the owner still gets the queued reply")
          .isEqualTo(new JsonObject().put("type", "text").put("text", "order 77 confirmed"));
      back.sendText("o2", "still mine");
      assertThat(back.take("ack").getString("id")).isEqualTo("o2");
      assertThat(back.next()).as("nothing the intruder posted reached this conversation")
          .isEqualTo(new JsonObject().put("type", "text").put("text", "still mine"));
    }
  }

  @Test
  void aPageOfAnotherSiteMayNotOpenTheSocketButThisServersOwnMay() {
    assertThatThrownBy(() -> SocketClient.connect(server.url("/chat/ws"), "https://evil.example"))
        .rootCause().hasMessageContaining("403");
    try (SocketClient samehost = SocketClient.connect(server.url("/chat/ws"), server.url(""))) {
      samehost.take("session");
    }
    try (TestServer listed = TestServer.start(Map.of("BOT", "echo",
            "WEBCHAT_ALLOWED_ORIGINS", "https://shop.example, https://www.shop.example:8443"));
         SocketClient fromShop = SocketClient.connect(listed.url("/chat/ws"), "https://www.shop.example:8443")) {
      fromShop.take("session");
      assertThatThrownBy(() -> SocketClient.connect(listed.url("/chat/ws"), "https://shop.example.evil.example"))
          .rootCause().hasMessageContaining("403");
    }
  }

  @Test
  void anOversizedFragmentedMessageGetsTheSameErrorFrameAsAWholeOne() {
    try (SocketClient client = open()) {
      client.take("session");
      String huge = new JsonObject().put("type", "text").put("id", "big").put("text", "x".repeat(500_000)).encode();
      client.sendFragmented(huge, 8_000);
      assertThat(client.take("error").getString("error"))
          .isEqualTo("frame too large (limit " + ClientFrame.MAX_FRAME_CHARS + " characters)");
      client.sendFragmented(new JsonObject().put("type", "text").put("id", "ok").put("text", "in pieces").encode(), 7);
      assertThat(client.take("text").getString("text")).isEqualTo("in pieces");
    }
  }

  @Test
  void invalidUtf8InATextFrameClosesTheSocketWith1007() throws Exception {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), "/chat/ws")) {
      assertThat(raw.readTextFrame()).contains("\"type\":\"session\"");
      raw.sendText(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
      assertThat(raw.awaitCloseCode()).isEqualTo(1007);
    }
  }

  @Test
  void withADurableStoreATabResumesItsConversationAfterARestart(@TempDir Path dataDir) throws Exception {
    Map<String, String> env = Map.of("BOT", "echo", "STATE_STORE", "file", "DATA_DIR", dataDir.toString());
    JsonObject session;
    try (TestServer before = TestServer.start(env); SocketClient tab = SocketClient.connect(before.url("/chat/ws"))) {
      session = tab.take("session");
    }
    Path key = dataDir.resolve(WebchatAdapter.KEY_FILE);
    assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (TestServer after = TestServer.start(env);
         SocketClient tab = SocketClient.connect(SocketClient.resumeUrl(after.url("/chat/ws"), session))) {
      JsonObject resumed = tab.take("session");
      assertThat(resumed.getString("conversation")).isEqualTo(session.getString("conversation"));
      assertThat(resumed.getString("user")).isEqualTo(session.getString("user"));
    }
  }

  @Test
  void aShortSecretOrAnOriginThatIsNoWebOriginStopsStartupNamingTheVariable() {
    assertThat(TestServer.startFailure(Map.of("BOT", "echo", "WEBCHAT_SESSION_SECRET", "too-short")))
        .hasMessageContaining("WEBCHAT_SESSION_SECRET must be at least 32 characters");
    assertThat(TestServer.startFailure(Map.of("BOT", "echo",
        "WEBCHAT_ALLOWED_ORIGINS", "https://ok.example, ftp://files.example")))
        .hasMessageContaining("WEBCHAT_ALLOWED_ORIGINS 'ftp://files.example' must look like https://chat.example.com");
  }

  private static JsonObject sessionOfAClosedTab() {
    JsonObject session;
    try (SocketClient tab = open()) {
      session = tab.take("session");
    }
    awaitDisconnected(session.getString("conversation"));
    return session;
  }

  /** Bounded poll until the server has seen the tab of {@code conversation} close. */
  private static void awaitDisconnected(String conversation) {
    WebchatAdapter adapter = (WebchatAdapter) server.server().adapters().get(WebchatAdapter.PLATFORM);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (adapter.connected(conversation)) {
      assertThat(System.nanoTime()).as("tab of %s closed within 10 s", conversation).isLessThan(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
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
