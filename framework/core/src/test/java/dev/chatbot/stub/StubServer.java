package dev.chatbot.stub;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.server.ChatbotServer;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The whole server in this JVM on a free port with the stub platform and the echo bot, for the delivery tests (the
 * core's own small stand-in for the testkit's TestServer, which core cannot depend on).
 */
public final class StubServer implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final ChatbotServer server;
  private final int port;

  private StubServer(ChatbotServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Fast retries (20 ms base) so fault tests take milliseconds; {@code env} overrides any of it. */
  public static StubServer start(String platformUrl, Map<String, String> env) {
    int port = freePort();
    Map<String, String> variables = new HashMap<>();
    variables.put("HTTP_HOST", "127.0.0.1");
    variables.put("HTTP_PORT", String.valueOf(port));
    variables.put("BOT", "stub-echo");
    variables.put("STATE_STORE", "memory");
    variables.put("STUB_PLATFORM_URL", platformUrl);
    variables.put("SEND_RETRY_BASE_MILLIS", "20");
    variables.put("SEND_RETRY_MAX_MILLIS", "200");
    variables.put("SHUTDOWN_GRACE_SECONDS", "20");
    variables.putAll(env);
    try {
      ChatbotServer server = ChatbotServer.start(null, variables).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      return new StubServer(server, port);
    } catch (Exception e) {
      throw new IllegalStateException("server did not start: " + e.getMessage(), e);
    }
  }

  public static StubServer start(WireMockServer platform, Map<String, String> env) {
    return start(platform.baseUrl(), env);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChatbotServer server() {
    return server;
  }

  public static Message message(String id, String user, String text) {
    return Message.text(id, ConversationRef.of(StubPlatformAdapter.PLATFORM, user),
        UserRef.of(StubPlatformAdapter.PLATFORM, user), text);
  }

  /** POSTs {@code messages} to the stub webhook; the HTTP status. */
  public int post(Message... messages) {
    JsonArray body = new JsonArray();
    for (Message message : messages) {
      body.add(JsonObject.mapFrom(message));
    }
    return request("POST", "/webhooks/stub", body.encode()).statusCode();
  }

  public HttpResponse<String> request(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("content-type", "application/json");
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A counter's value by its Prometheus name ({@code ..._total}), 0 when it was never incremented. */
  public double counter(String name, String... tags) {
    String meter = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
    Counter counter = server.metrics().registry().find(meter).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    try {
      server.shutdown().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("shutdown failed: " + e.getMessage(), e);
    }
  }

  /** Polls {@code condition} every 10 ms for at most {@code timeout}: the bounded wait for async work. */
  public static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /** What the platform stub was sent, oldest first, with the status it answered. */
  public static List<Sent> sent(WireMockServer platform) {
    List<Sent> sent = new ArrayList<>();
    for (ServeEvent event : platform.getAllServeEvents()) {
      JsonObject body = new JsonObject(event.getRequest().getBodyAsString());
      sent.add(new Sent(body.getString("channel"), body.getJsonObject("reply").getString("text"),
          event.getResponseDefinition().getStatus(), event.getRequest().getLoggedDate().getTime()));
    }
    Collections.reverse(sent); // WireMock lists the newest first
    return sent;
  }

  /** The replies the platform accepted (2xx), oldest first. */
  public static List<Sent> delivered(WireMockServer platform) {
    return sent(platform).stream().filter(s -> s.status() / 100 == 2).toList();
  }

  /** One request the stub received: the conversation, the reply's text, the status it answered, when. */
  public record Sent(String channel, String text, int status, long atMillis) {}
}
