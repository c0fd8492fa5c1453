package dev.chatbot.cluster;

import dev.chatbot.server.ChatbotServer;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * One member as a process of its own (the test class path, configured by its environment), for tests that kill or
 * restart it: SIGTERM shuts it down gracefully and exits 0, as {@code java -jar chatbot.jar} does.
 */
public final class ClusterMember {

  private ClusterMember() {}

  public static void main(String[] args) throws InterruptedException {
    // A test JVM killed (a build stopped, a fork timed out) cannot close its members: they go with it instead of
    // running on as members of no test, where a later test's cluster could meet them.
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    ChatbotServer server;
    try {
      server = ChatbotServer.start(null, System.getenv()).toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException failed) {
      System.err.println("error: " + failed.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Signal.handle(new Signal("TERM"), signal -> server.shutdown().onComplete(done -> stopped.countDown()));
    stopped.await();
    System.exit(0);
  }
}
