package dev.chatbot.testkit.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.chatbot.testkit.StubRequests;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Slack Web API on {@code 127.0.0.1} (WireMock, free port): {@code POST /chat.postMessage} answers
 * {@code {"ok": true}} until told otherwise. Point {@code SLACK_API_BASE_URL} at {@link #baseUrl()} and read what the
 * bot posted with {@link #awaitPost()}, which waits (bounded) without polling.
 *
 * <pre>{@code
 * try (SlackApiStub slack = SlackApiStub.start()) {
 *   ... SLACK_API_BASE_URL = slack.baseUrl() ...
 *   JsonObject body = slack.awaitPost().body();
 * }
 * }</pre>
 */
public final class SlackApiStub implements AutoCloseable {

  public static final String POST_MESSAGE = "/chat.postMessage";
  /** The server's credential check; answered {@code ok} unless a test stubs it otherwise. */
  public static final String AUTH_TEST = "/auth.test";
  public static final Duration WAIT = Duration.ofSeconds(10);

  /** One request the stub received. */
  public record Received(String path, String authorization, String contentType, JsonObject body) {}

  private final StubRequests requests = new StubRequests();
  private final WireMockServer server = requests.server();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private SlackApiStub() {}

  public static SlackApiStub start() {
    SlackApiStub stub = new SlackApiStub();
    WireMockServer server = stub.server;
    server.start();
    server.addMockServiceRequestListener((request, response) -> {
      // Not the server's credential check, which is not a message.
      if (stub.requests.current(request) && !request.getUrl().startsWith(AUTH_TEST)) {
        stub.received.add(new Received(request.getUrl(), request.getHeader("Authorization"),
            request.getHeader("Content-Type"), json(request.getBodyAsString())));
      }
    });
    stub.requests.stubDefault(post(urlPathEqualTo(POST_MESSAGE)).willReturn(ok()));
    stub.requests.stubDefault(post(urlPathEqualTo(AUTH_TEST)).atPriority(10).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":true,\"team\":\"Stub Team\",\"user\":\"stubbot\",\"team_id\":\"T0STUB\"}")));
    return stub;
  }

  /** What {@code SLACK_API_BASE_URL} should be. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public WireMockServer wireMock() {
    return server;
  }

  /** {@code chat.postMessage} succeeds (the default). */
  public void answerOk() {
    answer(ok());
  }

  /** What {@code chat.postMessage} answers by default. */
  private static ResponseDefinitionBuilder ok() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":true,\"channel\":\"C0STUB\",\"ts\":\"1700000000.000100\"}");
  }

  /** {@code chat.postMessage} fails the Slack way: HTTP 200 with {@code {"ok": false, "error": error}}. */
  public void answerError(String error) {
    answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(new JsonObject().put("ok", false).put("error", error).encode()));
  }

  /** Slack's rate limit: HTTP 429 with {@code Retry-After} and {@code {"ok": false, "error": "ratelimited"}}. */
  public void answerRateLimited(int retryAfterSeconds) {
    answer(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
  }

  /** Any HTTP status with an empty body (e.g. 503). */
  public void answerStatus(int status) {
    answer(aResponse().withStatus(status));
  }

  private void answer(ResponseDefinitionBuilder response) {
    server.stubFor(post(urlPathEqualTo(POST_MESSAGE)).willReturn(response));
  }

  /** The next request the stub received, waiting up to {@link #WAIT}. */
  public Received awaitPost() {
    try {
      Received next = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (next == null) {
        throw new AssertionError("Slack API stub: nothing posted within " + WAIT.toSeconds() + " s");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next {@code count} requests, in the order they came. */
  public List<Received> awaitPosts(int count) {
    List<Received> posts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      posts.add(awaitPost());
    }
    return posts;
  }

  /** Requests received and not yet taken by {@link #awaitPost()}: empty when nothing else was sent. */
  public List<Received> pending() {
    return List.copyOf(received);
  }

  /** Forgets received requests and answers {@code ok: true} again (see {@link StubRequests#reset}). */
  public void reset() {
    requests.reset();
    received.clear();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static JsonObject json(String body) {
    try {
      return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
    } catch (RuntimeException notJson) {
      return new JsonObject().put("unparsed", body);
    }
  }
}
