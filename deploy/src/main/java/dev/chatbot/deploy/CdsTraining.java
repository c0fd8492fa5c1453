package dev.chatbot.deploy;

import dev.chatbot.server.ChatbotServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the class data sharing archive (docs/operate.md, "Startup"): starts the server as the jar does
 * (every adapter class loaded, both shipped bots, the web chat, the admin API), stops it, and exits, so that
 * {@code java -XX:ArchiveClassesAtExit=chatbot.jsa -cp chatbot.jar dev.chatbot.deploy.CdsTraining} records every
 * class a start needs. The build runs it after shading ({@code deploy/pom.xml}) and the image in its runtime stage.
 * Nothing is kept: the state store is in memory and the port a free one on 127.0.0.1.
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(freePort()));
    env.put("STATE_STORE", "memory");
    env.put("BOT", "shoe-shop,echo");
    env.put("ADMIN_API_TOKEN", "cds-training-only");
    // A build-time training run on the JVM's main thread (no event loop waits): start, then stop, then exit.
    ChatbotServer server = ChatbotServer.start(null, env).toCompletionStage().toCompletableFuture()
        .get(120, TimeUnit.SECONDS);
    server.shutdown().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    System.exit(0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
