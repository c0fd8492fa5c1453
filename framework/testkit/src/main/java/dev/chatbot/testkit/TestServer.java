package dev.chatbot.testkit;

import dev.chatbot.server.ChatbotServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the whole server in this JVM on a free port, with the given variables (as if from the environment),
 * for tests that speak HTTP to it.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(Map.of("BOT", "echo"))) {
 *   server.chat("alice").send("hi").expectText(Text.equalTo("hi"));
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

  private final ChatbotServer server;
  private final int port;

  private TestServer(ChatbotServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts with {@code HTTP_HOST=127.0.0.1}, a free {@code HTTP_PORT}, the test adapter on and
   * {@code STATE_STORE=memory} (tests in one JVM must not share a {@code DATA_DIR}), plus {@code env}.
   */
  public static TestServer start(Map<String, String> env) {
    int port = freePort();
    Map<String, String> variables = new HashMap<>();
    variables.put("HTTP_HOST", "127.0.0.1");
    variables.put("HTTP_PORT", String.valueOf(port));
    variables.put("TEST_ADAPTER", "on");
    variables.put("STATE_STORE", "memory");
    variables.putAll(env);
    return new TestServer(await(ChatbotServer.start(null, variables).toCompletionStage().toCompletableFuture()),
        Integer.parseInt(variables.get("HTTP_PORT")));
  }

  /** Starts and returns the failure instead of a server: for tests of bad configuration. */
  public static Throwable startFailure(Map<String, String> env) {
    try {
      start(env).close();
      throw new AssertionError("the server started, but a startup failure was expected");
    } catch (StartupFailure failure) {
      return failure.getCause();
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:port} followed by {@code path}. */
  public String url(String path) {
    return (server.config().tls() ? "https" : "http") + "://127.0.0.1:" + port + path;
  }

  public ChatbotServer server() {
    return server;
  }

  public TestAdapter testAdapter() {
    return (TestAdapter) server.adapters().get(TestAdapter.PLATFORM);
  }

  /** A conversation with the bot as user {@code userId}, through the test adapter. */
  public Chat chat(String userId) {
    return new Chat(this, userId);
  }

  @Override
  public void close() {
    await(server.shutdown().toCompletionStage().toCompletableFuture());
  }

  static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new StartupFailure(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new StartupFailure(e);
    }
  }

  /** The server did not start (or stop); the cause says why. */
  public static final class StartupFailure extends RuntimeException {
    StartupFailure(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
