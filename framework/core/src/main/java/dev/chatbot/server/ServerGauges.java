package dev.chatbot.server;

import dev.chatbot.dispatch.ConversationDispatcher;
import dev.chatbot.metrics.ChatbotMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;

/** Feeds the gauges whose values the server itself knows; read at scrape time, nothing is counted per message. */
final class ServerGauges {

  private ServerGauges() {}

  static void wire(ChatbotMetrics metrics, Vertx vertx, ConversationDispatcher dispatcher) {
    metrics.messagesWaiting(platform -> waiting(dispatcher, platform));
    metrics.clusterMembers(() -> members(vertx));
  }

  /** Messages of the platform's conversations not yet done (the one being handled included). */
  private static double waiting(ConversationDispatcher dispatcher, String platform) {
    String prefix = platform + ":";
    return dispatcher.inFlightConversations().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(prefix))
        .mapToInt(entry -> entry.getValue())
        .sum();
  }

  private static double members(Vertx vertx) {
    ClusterManager cluster = vertx instanceof VertxInternal internal ? internal.clusterManager() : null;
    return cluster == null ? 1 : cluster.getNodes().size();
  }
}
