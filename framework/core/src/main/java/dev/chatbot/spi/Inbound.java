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
}
