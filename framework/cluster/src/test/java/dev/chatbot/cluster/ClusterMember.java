package dev.chatbot.cluster;

import dev.chatbot.server.ChatbotServer;

/** One member as a process of its own (the test class path, configured by its environment), for tests that kill it. */
public final class ClusterMember {

  private ClusterMember() {}

  public static void main(String[] args) {
    try {
      ChatbotServer.start(null, System.getenv()).toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException failed) {
      System.err.println("error: " + failed.getMessage());
      System.exit(2);
    }
    // Vert.x's threads keep the process alive until it is killed.
  }
}
