package dev.chatbot.deploy;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.config.ConfigLoader;
import dev.chatbot.server.ChatbotServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The whole server in one call, for your own {@code main}: your bots and whatever adapters are on the class path
 * (plus {@code BOT_PATH} jars), configured by the environment and {@code --config FILE}.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Chatbot.run(args);
 * }
 * }</pre>
 *
 * It returns only when the process ends: on SIGTERM or Ctrl-C it shuts down gracefully and exits 0; a bad setting
 * exits 2 with one line naming it.
 */
public final class Chatbot {

  private static final Logger LOG = LoggerFactory.getLogger(Chatbot.class);

  private Chatbot() {}

  /** Starts the server; {@code args} as for {@code java -jar chatbot.jar} ({@code --config FILE}, {@code --help}). */
  public static void run(String... args) {
    run(Map.of(), args);
  }

  /** The same, with {@code defaults} for variables neither the file nor the environment sets. */
  static void run(Map<String, String> defaults, String... args) {
    String configFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          System.out.print(Usage.TEXT);
          return;
        }
        case "--config" -> {
          if (i + 1 >= args.length) {
            fail(2, "--config needs a file: --config FILE");
          }
          configFile = args[++i];
        }
        default -> fail(2, "unknown argument '" + args[i] + "' (see --help)");
      }
    }
    // The JVM's main thread (never an event loop) waits here: for startup, to turn a failure into an exit code,
    // and then for the graceful shutdown a signal starts, to exit 0 once it is complete.
    ChatbotServer server;
    try {
      BotPath botPath = BotPath.load(botPathSetting(configFile), Chatbot.class.getClassLoader());
      Map<String, String> withPlugins = new HashMap<>(defaults);
      if (!botPath.jars().isEmpty()) {
        LOG.info("bot_path jars={} bots={}", botPath.jars().size(), String.join(",", botPath.botNames()));
        // Dropping a bot jar in BOT_PATH is enough to run it: its bots are the default.
        if (!botPath.botNames().isEmpty()) {
          withPlugins.put("BOT", String.join(",", botPath.botNames()));
        }
      }
      Thread.currentThread().setContextClassLoader(botPath.classes());
      // The JVM's main thread, never an event loop: it has nothing to do until the server is up (or failed).
      server = ChatbotServer.start(configFile, System.getenv(), withPlugins)
          .toCompletionStage().toCompletableFuture().join();
    } catch (ConfigException e) {
      fail(2, e.getMessage());
      return;
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException) {
        fail(2, cause.getMessage());
      }
      fail(1, "startup failed: " + cause);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    SignalHandler stop = signal -> server.shutdown().onComplete(done -> stopped.countDown());
    Signal.handle(new Signal("TERM"), stop);
    Signal.handle(new Signal("INT"), stop);
    try {
      stopped.await(); // the main thread parks until SIGTERM or SIGINT has shut the server down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(0);
  }

  /** {@code BOT_PATH} from the environment, else from the config file (read once more, only then). */
  private static String botPathSetting(String configFile) {
    String fromEnvironment = System.getenv(BotPath.VARIABLE);
    if (fromEnvironment != null || configFile == null) {
      return fromEnvironment;
    }
    // Before any server exists, on the main thread: the file is read once more, only for this.
    try {
      return ConfigLoader.read(configFile, Map.of(), Map.of()).toCompletionStage().toCompletableFuture().join()
          .get(BotPath.VARIABLE).orElse(null);
    } catch (CompletionException e) {
      return null; // the server's own reading of the file reports what is wrong with it
    }
  }

  private static void fail(int exitCode, String reason) {
    System.err.println("error: " + reason);
    System.exit(exitCode);
  }
}
