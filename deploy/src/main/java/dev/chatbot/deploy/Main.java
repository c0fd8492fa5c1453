package dev.chatbot.deploy;

import dev.chatbot.config.ConfigException;
import dev.chatbot.server.ChatbotServer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code java -jar chatbot.jar [--config FILE]}: starts the server; SIGTERM stops it gracefully with exit code 0. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
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
      server = ChatbotServer.start(configFile, System.getenv()).toCompletionStage().toCompletableFuture().join();
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
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(0);
  }

  private static void fail(int exitCode, String reason) {
    System.err.println("error: " + reason);
    System.exit(exitCode);
  }
}
