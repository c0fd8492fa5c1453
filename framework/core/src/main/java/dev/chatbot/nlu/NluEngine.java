package dev.chatbot.nlu;

import io.vertx.core.Future;

/**
 * Turns a user's text into an intent and entities. The context says what the bot is asking right now, so an engine
 * can read a bare "10" as the quantity it asked for.
 */
@FunctionalInterface
public interface NluEngine {

  Future<Understanding> understand(String text, NluContext context);
}
