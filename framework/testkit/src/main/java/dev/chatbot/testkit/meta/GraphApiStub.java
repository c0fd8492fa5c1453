package dev.chatbot.testkit.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.chatbot.testkit.StubRequests;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WireMock stand-in for the Graph API on 127.0.0.1 (a free port): {@code POST /v23.0/me/messages} (Messenger) and
 * {@code POST /v23.0/{phone number id}/messages} (WhatsApp) answer 200 like Meta does, and every request is kept for
 * the test to await and inspect. {@link #messengerEnv} and {@link #whatsappEnv} give the variables that point an
 * adapter here with test credentials.
 *
 * <pre>{@code
 * try (GraphApiStub graph = GraphApiStub.start();
 *      TestServer server = TestServer.start(graph.messengerEnv("BOT", "echo"))) {
 *   MetaWebhooks.messenger(server).deliver(MetaWebhooks.messengerText("4711", "hi"));
 *   assertThat(graph.awaitMessengerSend().getJsonObject("message").getString("text")).isEqualTo("hi");
 * }
 * }</pre>
 */
public final class GraphApiStub implements AutoCloseable {

  public static final String VERSION_PATH = "/v23.0";
  public static final String MESSENGER_VERIFY_TOKEN = "test-messenger-verify-token";
  public static final String MESSENGER_APP_SECRET = "test-messenger-app-secret";
  public static final String MESSENGER_PAGE_ACCESS_TOKEN = "EAAtest-messenger-page-token";
  public static final String WHATSAPP_VERIFY_TOKEN = "test-whatsapp-verify-token";
  public static final String WHATSAPP_APP_SECRET = "test-whatsapp-app-secret";
  public static final String WHATSAPP_ACCESS_TOKEN = "EAAtest-whatsapp-access-token";
  public static final String WHATSAPP_PHONE_NUMBER_ID = "106540352242922";

  /** How long the await methods wait for the requests they expect. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  private static final String MESSENGER_PATH = VERSION_PATH + "/me/messages";
  private static final String WHATSAPP_PATH_REGEX = VERSION_PATH + "/(?!me/)[^/]+/messages";
  private static final int DEFAULT_PRIORITY = 10;
  private static final int OVERRIDE_PRIORITY = 1;

  /** One request the stub received. */
  public record GraphRequest(String path, String authorization, String accessTokenParameter, JsonObject body) {}

  private final WireMockServer server;
  private final BlockingQueue<GraphRequest> messenger = new LinkedBlockingQueue<>();
  private final BlockingQueue<GraphRequest> whatsapp = new LinkedBlockingQueue<>();
  private final BlockingQueue<GraphRequest> readReceipts = new LinkedBlockingQueue<>();

  private final StubRequests requests = new StubRequests();

  private GraphApiStub() {
    this.server = requests.server();
  }

  public static GraphApiStub start() {
    GraphApiStub stub = new GraphApiStub();
    stub.server.addMockServiceRequestListener((request, response) -> stub.record(request));
    stub.server.start();
    stub.stubDefaults();
    return stub;
  }

  /** {@code http://127.0.0.1:port/v23.0}: what {@code MESSENGER_API_BASE_URL} / {@code WHATSAPP_API_BASE_URL} get. */
  public String baseUrl() {
    return server.baseUrl() + VERSION_PATH;
  }

  /** The Messenger variables with test credentials and this stub as the Graph API, plus {@code extra} pairs. */
  public Map<String, String> messengerEnv(String... extra) {
    Map<String, String> env = pairs(extra);
    env.put("MESSENGER_VERIFY_TOKEN", MESSENGER_VERIFY_TOKEN);
    env.put("MESSENGER_APP_SECRET", MESSENGER_APP_SECRET);
    env.put("MESSENGER_PAGE_ACCESS_TOKEN", MESSENGER_PAGE_ACCESS_TOKEN);
    env.put("MESSENGER_API_BASE_URL", baseUrl());
    return env;
  }

  /** The WhatsApp variables with test credentials and this stub as the Graph API, plus {@code extra} pairs. */
  public Map<String, String> whatsappEnv(String... extra) {
    Map<String, String> env = pairs(extra);
    env.put("WHATSAPP_VERIFY_TOKEN", WHATSAPP_VERIFY_TOKEN);
    env.put("WHATSAPP_APP_SECRET", WHATSAPP_APP_SECRET);
    env.put("WHATSAPP_ACCESS_TOKEN", WHATSAPP_ACCESS_TOKEN);
    env.put("WHATSAPP_PHONE_NUMBER_ID", WHATSAPP_PHONE_NUMBER_ID);
    env.put("WHATSAPP_API_BASE_URL", baseUrl());
    return env;
  }

  /** Both platforms at once. */
  public Map<String, String> env(String... extra) {
    Map<String, String> env = messengerEnv(extra);
    env.putAll(whatsappEnv());
    return env;
  }

  // ---- what was received ----

  /** The next {@code count} Messenger Send API requests, in arrival order; fails when they do not come in time. */
  public List<GraphRequest> awaitMessengerRequests(int count) {
    return await(messenger, count, "Messenger sends");
  }

  /** The bodies of the next {@code count} Messenger sends. */
  public List<JsonObject> awaitMessengerSends(int count) {
    return bodies(awaitMessengerRequests(count));
  }

  public JsonObject awaitMessengerSend() {
    return awaitMessengerSends(1).get(0);
  }

  /** The next {@code count} WhatsApp message requests (read receipts are kept apart, see {@link #awaitReadReceipts}). */
  public List<GraphRequest> awaitWhatsAppRequests(int count) {
    return await(whatsapp, count, "WhatsApp sends");
  }

  public List<JsonObject> awaitWhatsAppSends(int count) {
    return bodies(awaitWhatsAppRequests(count));
  }

  public JsonObject awaitWhatsAppSend() {
    return awaitWhatsAppSends(1).get(0);
  }

  /** The next {@code count} WhatsApp "mark as read" bodies ({@code {"status":"read","message_id":...}}). */
  public List<JsonObject> awaitReadReceipts(int count) {
    return bodies(await(readReceipts, count, "WhatsApp read receipts"));
  }

  /**
   * The read receipt for {@code messageId}, skipping others: receipts are sent best effort after the webhook's 200,
   * so one for an earlier message can still arrive late.
   */
  public JsonObject awaitReadReceiptFor(String messageId) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        GraphRequest next = readReceipts.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new AssertionError("no read receipt for " + messageId + " within " + WAIT.toSeconds() + " s");
        }
        if (messageId.equals(next.body().getString("message_id"))) {
          return next.body();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Everything received and not yet awaited; the received lists are emptied. */
  public List<GraphRequest> drain() {
    List<GraphRequest> rest = new ArrayList<>();
    messenger.drainTo(rest);
    whatsapp.drainTo(rest);
    readReceipts.drainTo(rest);
    return rest;
  }

  /** Messenger sends received and not yet awaited (no waiting). */
  public List<JsonObject> pendingMessengerSends() {
    return bodies(messenger);
  }

  /** WhatsApp sends received and not yet awaited (no waiting). */
  public List<JsonObject> pendingWhatsAppSends() {
    return bodies(whatsapp);
  }

  // ---- how it answers ----

  /** From now on the Send API answers {@code status} with a Graph error {@code {"error":{"message","code"}}}. */
  public void failMessenger(int status, int code, String message) {
    server.stubFor(override(post(urlPathEqualTo(MESSENGER_PATH)), graphError(status, code, message)));
  }

  /** From now on WhatsApp {@code /messages} (sends and read receipts) answers with a Graph error. */
  public void failWhatsApp(int status, int code, String message) {
    server.stubFor(override(post(urlPathMatching(WHATSAPP_PATH_REGEX)), graphError(status, code, message)));
  }

  /** A Graph error answer, for custom stubs through {@link #wireMock()} (add headers such as Retry-After to it). */
  public static ResponseDefinitionBuilder graphError(int status, int code, String message) {
    JsonObject error = new JsonObject().put("error", new JsonObject()
        .put("message", message)
        .put("type", "OAuthException")
        .put("code", code)
        .put("fbtrace_id", "AbCdEfGhIjK"));
    return aResponse().withStatus(status).withHeader("content-type", "application/json").withBody(error.encode());
  }

  /**
   * Back to answering 200, and forgets what was received: a request that arrived before and is still being answered
   * is never recorded, so it cannot be taken for the next process's ({@link StubRequests#reset}).
   */
  public void reset() {
    requests.reset();
    drain();
  }

  public WireMockServer wireMock() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }

  private void stubDefaults() {
    // The server's credential check (GET /me): the token is accepted unless a test stubs it otherwise.
    stubDefault(get(urlPathEqualTo(VERSION_PATH + "/me"))
        .willReturn(json(new JsonObject().put("id", "1000000000").put("name", "Stub Page"))));
    stubDefault(post(urlPathEqualTo(MESSENGER_PATH))
        .willReturn(json(new JsonObject().put("recipient_id", "stub-recipient").put("message_id", "m_stub-message"))));
    stubDefault(post(urlPathMatching(WHATSAPP_PATH_REGEX))
        .willReturn(json(new JsonObject()
            .put("messaging_product", "whatsapp")
            .put("contacts", List.of(new JsonObject().put("input", "stub").put("wa_id", "stub")))
            .put("messages", List.of(new JsonObject().put("id", "wamid.stub"))))));
  }

  private void stubDefault(MappingBuilder mapping) {
    requests.stubDefault(mapping.atPriority(DEFAULT_PRIORITY));
  }

  private static MappingBuilder override(MappingBuilder mapping, ResponseDefinitionBuilder response) {
    return mapping.atPriority(OVERRIDE_PRIORITY).willReturn(response);
  }

  private static ResponseDefinitionBuilder json(JsonObject body) {
    return aResponse().withStatus(200).withHeader("content-type", "application/json").withBody(body.encode());
  }

  private void record(Request request) {
    if (!requests.current(request) || !"POST".equals(request.getMethod().getName())) {
      return;
    }
    String path = request.getUrl().split("\\?", 2)[0];
    JsonObject body;
    try {
      body = new JsonObject(request.getBodyAsString());
    } catch (RuntimeException notJson) {
      body = new JsonObject().put("unparsed", request.getBodyAsString());
    }
    String tokenParameter = request.queryParameter("access_token").isPresent()
        ? request.queryParameter("access_token").firstValue() : null;
    GraphRequest received = new GraphRequest(path, request.getHeader("Authorization"), tokenParameter, body);
    if (path.equals(MESSENGER_PATH)) {
      messenger.add(received);
    } else if (path.matches(WHATSAPP_PATH_REGEX)) {
      ("read".equals(body.getString("status")) ? readReceipts : whatsapp).add(received);
    }
  }

  private static List<GraphRequest> await(BlockingQueue<GraphRequest> queue, int count, String what) {
    List<GraphRequest> received = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (received.size() < count) {
        GraphRequest next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new AssertionError("expected " + count + " " + what + " within " + WAIT.toSeconds() + " s, got "
              + received.size() + ": " + received);
        }
        received.add(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return received;
  }

  private static List<JsonObject> bodies(Collection<GraphRequest> requests) {
    return requests.stream().map(GraphRequest::body).toList();
  }

  private static Map<String, String> pairs(String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("extra variables come in name, value pairs");
    }
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return env;
  }
}
