package dev.chatbot.dialog;

import io.vertx.core.Future;

/** What a route does with a turn: {@code turn -> turn.reply(Reply.text("Hi"))}. Never block in it. */
@FunctionalInterface
public interface Handler {

  Future<Void> handle(Turn turn);
}
