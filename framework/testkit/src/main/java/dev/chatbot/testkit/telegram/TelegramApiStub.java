package dev.chatbot.testkit.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.chatbot.testkit.StubRequests;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Telegram Bot API on {@code 127.0.0.1} (WireMock, free port): every {@code POST /bot<token>/<method>} answers
 * {@code {"ok":true,...}} until told otherwise. Point {@code TELEGRAM_API_BASE_URL} at {@link #baseUrl()}; read what
 * the bot sent with {@link #awaitCall()} (messages, photos, chat actions, in order) and the answered button taps with
 * {@link #awaitCallbackAnswer()}. Both wait, bounded, without polling.
 *
 * <pre>{@code
 * try (TelegramApiStub telegram = TelegramApiStub.start()) {
 *   TestServer server = TestServer.start(telegram.env("BOT", "echo"));
 *   new TelegramUpdates(server).text(42, "hi").post();
 *   assertThat(telegram.awaitCall().body().getString("text")).isEqualTo("hi");
 * }
 * }</pre>
 */
public final class TelegramApiStub implements AutoCloseable {

  public static final String TOKEN = "123456789:TEST-telegram-bot-token";
  public static final String WEBHOOK_SECRET = "test-webhook-secret_1";
  public static final String ANSWER_CALLBACK_QUERY = "answerCallbackQuery";
  /** The credential check (platform health): answered with a bot, and not among {@link #awaitCall()}'s calls. */
  public static final String GET_ME = "getMe";
  public static final Duration WAIT = Duration.ofSeconds(10);
  private static final String METHODS = "/bot[^/]+/";

  /** One Bot API request: the method, the token in its path, and the JSON body. */
  public record Call(String method, String token, JsonObject body) {}

  private final StubRequests requests = new StubRequests();
  private final WireMockServer server = requests.server();
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final BlockingQueue<Call> callbackAnswers = new LinkedBlockingQueue<>();

  private TelegramApiStub() {}

  public static TelegramApiStub start() {
    TelegramApiStub stub = new TelegramApiStub();
    stub.server.start();
    stub.server.addMockServiceRequestListener((request, response) -> {
      if (stub.requests.current(request)) {
        stub.record(request.getUrl(), request.getBodyAsString());
      }
    });
    stub.answers(stub.requests::stubDefault);
    return stub;
  }

  /** The variables that switch the Telegram adapter on against this stub, plus {@code extra} name, value pairs. */
  public Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
        "TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET, "TELEGRAM_API_BASE_URL", baseUrl()));
    for (int i = 0; i + 1 < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  /** What {@code TELEGRAM_API_BASE_URL} should be. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public WireMockServer wireMock() {
    return server;
  }

  /** Every method succeeds (the default). */
  public void answerOk() {
    answers(server::stubFor);
  }

  /** The answers of a Bot API that accepts everything, given to {@code stub}. */
  private void answers(Consumer<MappingBuilder> stub) {
    stub.accept(post(urlPathMatching(METHODS + ".+")).atPriority(10).willReturn(json(200,
        "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
    stub.accept(post(urlPathMatching(METHODS + GET_ME)).atPriority(5).willReturn(json(200,
        "{\"ok\":true,\"result\":{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Stub\",\"username\":\"stub_bot\"}}")));
  }

  /** {@code method} fails the Bot API way: {@code {"ok":false,"error_code":code,"description":...}} with that status. */
  public void answerError(String method, int code, String description) {
    server.stubFor(post(urlPathMatching(METHODS + method)).atPriority(1).willReturn(json(code,
        new JsonObject().put("ok", false).put("error_code", code).put("description", description).encode())));
  }

  /**
   * Flood control on {@code method}: the next call gets 429 with {@code parameters.retry_after}, later ones succeed
   * (a WireMock scenario), as when a retry after the wait goes through.
   */
  public void answerRateLimitedOnce(String method, int retryAfterSeconds) {
    String scenario = "flood-" + method;
    server.stubFor(post(urlPathMatching(METHODS + method)).atPriority(1).inScenario(scenario)
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited")
        .willReturn(json(429, rateLimited(retryAfterSeconds))));
  }

  /** Flood control on every call of {@code method}. */
  public void answerRateLimited(String method, int retryAfterSeconds) {
    server.stubFor(post(urlPathMatching(METHODS + method)).atPriority(1).willReturn(json(429, rateLimited(retryAfterSeconds))));
  }

  private static String rateLimited(int retryAfterSeconds) {
    return new JsonObject().put("ok", false).put("error_code", 429)
        .put("description", "Too Many Requests: retry after " + retryAfterSeconds)
        .put("parameters", new JsonObject().put("retry_after", retryAfterSeconds)).encode();
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** The next message, photo or chat action the bot sent, waiting up to {@link #WAIT}. */
  public Call awaitCall() {
    return take(calls, "Bot API call");
  }

  /** The next {@code count} calls, in the order they came. */
  public List<Call> awaitCalls(int count) {
    List<Call> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      taken.add(awaitCall());
    }
    return taken;
  }

  /** The next {@code answerCallbackQuery}, waiting up to {@link #WAIT}. */
  public Call awaitCallbackAnswer() {
    return take(callbackAnswers, "answerCallbackQuery");
  }

  /** Calls received and not yet taken by {@link #awaitCall()}: empty when nothing else was sent. */
  public List<Call> pending() {
    return List.copyOf(calls);
  }

  /** Forgets what was received and answers {@code ok: true} again (see {@link StubRequests#reset}). */
  public void reset() {
    requests.reset();
    calls.clear();
    callbackAnswers.clear();
  }

  @Override
  public void close() {
    server.stop();
  }

  private void record(String url, String body) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    int slash = path.lastIndexOf('/');
    String token = path.substring("/bot".length(), slash);
    Call call = new Call(path.substring(slash + 1), token, parse(body));
    if (!call.method().equals(GET_ME)) {
      (call.method().equals(ANSWER_CALLBACK_QUERY) ? callbackAnswers : calls).add(call);
    }
  }

  private static Call take(BlockingQueue<Call> queue, String what) {
    try {
      Call next = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (next == null) {
        throw new AssertionError("Telegram API stub: no " + what + " within " + WAIT.toSeconds() + " s");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonObject parse(String body) {
    try {
      return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
    } catch (RuntimeException notJson) {
      return new JsonObject().put("unparsed", body);
    }
  }
}
