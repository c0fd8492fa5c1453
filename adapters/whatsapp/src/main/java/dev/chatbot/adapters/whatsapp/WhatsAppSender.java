package dev.chatbot.adapters.whatsapp;

import dev.chatbot.adapters.meta.GraphClient;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends fitted replies through {@code POST {base}/{phone number id}/messages} and marks inbound messages as read
 * (the blue ticks) on the same endpoint.
 */
final class WhatsAppSender {

  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppSender.class);

  private final GraphClient graph;
  private final WhatsAppRenderer renderer;
  private final String url;

  WhatsAppSender(GraphClient graph, WhatsAppRenderer renderer, String apiBaseUrl, String phoneNumberId) {
    this.graph = graph;
    this.renderer = renderer;
    this.url = apiBaseUrl + "/" + phoneNumberId + "/messages";
  }

  Future<Void> send(ConversationRef to, Reply reply) {
    return graph.postAll(url, renderer.render(to.channel(), reply));
  }

  /**
   * Best effort, never retried: a missed read receipt costs nothing, so a failure is only logged (the Graph client
   * already logged Meta's error).
   */
  Future<Void> markRead(String messageId) {
    return graph.post(url, markReadBody(messageId))
        .<Void>mapEmpty()
        .recover(failure -> {
          if (!(failure instanceof SendFailure)) {
            // A Graph error answer was logged by the client; a connection problem was not.
            LOG.warn("mark as read failed message={} error=\"{}\"", messageId, failure.getMessage());
          }
          return Future.succeededFuture();
        });
  }

  static JsonObject markReadBody(String messageId) {
    return new JsonObject().put("messaging_product", "whatsapp").put("status", "read").put("message_id", messageId);
  }

  void close() {
    graph.close();
  }
}
