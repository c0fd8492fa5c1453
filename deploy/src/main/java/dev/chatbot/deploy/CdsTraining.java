package dev.chatbot.deploy;

import dev.chatbot.server.ChatbotServer;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run of the class data sharing archive (docs/operate.md, "Startup"): starts the server as a user's
 * start does, waits until every adapter has checked its credentials, asks for readiness and metrics, stops it and
 * exits, so that {@code java -XX:ArchiveClassesAtExit=chatbot.jsa -cp chatbot.jar dev.chatbot.deploy.CdsTraining}
 * records every class a start loads. The build runs it after shading ({@code deploy/pom.xml}) and the image in its
 * runtime stage.
 *
 * <p>What a start loads is what the archive must hold: the default {@code file} store (its MVStore classes), every
 * adapter with its HTTPS client and credential check, both shipped bots (the shoe shop's catalog), the web chat and
 * the admin API. Nothing leaves the machine and nothing is kept: the platforms' API base URLs point at a closed port
 * on 127.0.0.1 (the credential checks fail at once, after TLS is set up), the server listens on a free port of
 * 127.0.0.1, and the store lives in a temporary directory deleted at the end.
 */
public final class CdsTraining {

  private static final String[] PLATFORMS = {"messenger", "whatsapp", "slack", "telegram"};

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("chatbot-cds-training");
    try {
      train(dataDir);
    } finally {
      deleteTree(dataDir);
    }
    System.exit(0);
  }

  // A build-time training run on the JVM's main thread (no event loop waits): start, use, stop.
  private static void train(Path dataDir) throws Exception {
    int port = freePort();
    ChatbotServer server = ChatbotServer.start(null, environment(port, dataDir, freePort())).toCompletionStage()
        .toCompletableFuture().get(120, TimeUnit.SECONDS);
    try {
      HttpClientAgent http = server.vertx().createHttpClient();
      awaitCredentialChecks(http, port);
      get(http, port, "/metrics").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      server.shutdown().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
  }

  static Map<String, String> environment(int port, Path dataDir, int closedPort) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("STATE_STORE", "file");
    env.put("DATA_DIR", dataDir.toString());
    env.put("BOT", "shoe-shop,echo");
    env.put("ADMIN_API_TOKEN", "cds-training-only");
    // Every adapter on, its platform at a port where nothing listens: HTTPS clients are built and used, no call
    // leaves 127.0.0.1, and nothing can answer.
    String nowhere = "https://127.0.0.1:" + closedPort;
    env.put("MESSENGER_APP_SECRET", "cds-training");
    env.put("MESSENGER_VERIFY_TOKEN", "cds-training");
    env.put("MESSENGER_PAGE_ACCESS_TOKEN", "cds-training");
    env.put("MESSENGER_API_BASE_URL", nowhere);
    env.put("WHATSAPP_APP_SECRET", "cds-training");
    env.put("WHATSAPP_VERIFY_TOKEN", "cds-training");
    env.put("WHATSAPP_ACCESS_TOKEN", "cds-training");
    env.put("WHATSAPP_PHONE_NUMBER_ID", "1");
    env.put("WHATSAPP_API_BASE_URL", nowhere);
    env.put("SLACK_SIGNING_SECRET", "cds-training");
    env.put("SLACK_BOT_TOKEN", "xoxb-cds-training");
    env.put("SLACK_API_BASE_URL", nowhere);
    env.put("TELEGRAM_BOT_TOKEN", "1:cds-training");
    env.put("TELEGRAM_WEBHOOK_SECRET", "cds-training");
    env.put("TELEGRAM_API_BASE_URL", nowhere);
    return env;
  }

  /** Polls readiness (bounded) until no adapter says "checking": their HTTPS clients have then been used. */
  private static void awaitCredentialChecks(HttpClientAgent http, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String body = get(http, port, "/health/ready").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (!body.contains("\"checking\"")) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(20); // another process's view: the JVM's main thread, no event loop waits
    }
  }

  private static Future<String> get(HttpClientAgent http, int port, String path) {
    return http.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(request -> request.send().compose(response -> response.body()))
        .map(body -> body.toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
