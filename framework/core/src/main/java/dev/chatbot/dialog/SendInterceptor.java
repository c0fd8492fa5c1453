package dev.chatbot.dialog;

import dev.chatbot.model.Reply;
import io.vertx.core.Future;

/** Sees every reply a turn sends and returns the one to send instead: itself, a changed one, or null to drop it. */
@FunctionalInterface
public interface SendInterceptor {

  Future<Reply> send(Turn turn, Reply reply);
}
