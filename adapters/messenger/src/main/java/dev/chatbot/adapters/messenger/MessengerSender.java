package dev.chatbot.adapters.messenger;

import dev.chatbot.adapters.meta.GraphClient;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;

/**
 * Sends a fitted reply through the Send API ({@code POST {base}/me/messages}, page token as bearer). A reply can take
 * several calls (an image with a caption is the image, then the caption as text): each is sent on its own, so the
 * core retries and records them one by one and never posts the image twice.
 */
final class MessengerSender {

  private final GraphClient graph;
  private final MessengerRenderer renderer;
  private final String url;

  MessengerSender(GraphClient graph, MessengerRenderer renderer, String apiBaseUrl) {
    this.graph = graph;
    this.renderer = renderer;
    this.url = apiBaseUrl + "/me/messages";
  }

  /** How many calls {@code reply} takes. */
  int calls(Reply reply) {
    return renderer.render("", reply).size();
  }

  /** Call number {@code call} of {@code reply}. */
  Future<Void> send(ConversationRef to, Reply reply, int call) {
    return graph.post(url, renderer.render(to.channel(), reply).get(call));
  }

  void close() {
    graph.close();
  }
}
