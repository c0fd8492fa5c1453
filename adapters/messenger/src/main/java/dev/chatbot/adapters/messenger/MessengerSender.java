package dev.chatbot.adapters.messenger;

import dev.chatbot.adapters.meta.GraphClient;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;

/** Sends a fitted reply through the Send API ({@code POST {base}/me/messages}, page token as bearer). */
final class MessengerSender {

  private final GraphClient graph;
  private final MessengerRenderer renderer;
  private final String url;

  MessengerSender(GraphClient graph, MessengerRenderer renderer, String apiBaseUrl) {
    this.graph = graph;
    this.renderer = renderer;
    this.url = apiBaseUrl + "/me/messages";
  }

  Future<Void> send(ConversationRef to, Reply reply) {
    return graph.postAll(url, renderer.render(to.channel(), reply));
  }

  void close() {
    graph.close();
  }
}
