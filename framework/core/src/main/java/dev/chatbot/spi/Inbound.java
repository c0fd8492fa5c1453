package dev.chatbot.spi;

import dev.chatbot.model.Message;
import io.vertx.core.Future;
import java.util.List;

/** The core's entry for parsed messages: dedupe, then per-conversation order, then the bot. */
public interface Inbound {

  /** How many messages were new and queued, and how many were repeats of ones already seen. */
  record Accepted(int accepted, int duplicates) {}

  /** Completes once the messages are safely queued (not handled): acknowledge the platform then. */
  Future<Accepted> accept(List<Message> messages);

  /**
   * Completes once conversation {@code conversationKey} has no message queued or being handled, wherever it is
   * handled (in a cluster, on its owner member). An inbound that queues nothing itself has nothing to wait for.
   */
  default Future<Void> settled(String conversationKey) {
    return Future.succeededFuture();
  }
}
