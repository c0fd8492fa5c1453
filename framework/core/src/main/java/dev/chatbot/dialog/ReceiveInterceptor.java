package dev.chatbot.dialog;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Runs around every turn, before routing: call {@code next} to go on (and see how it went), or don't, to keep the
 * bot out of it (a human has taken over). Logging, translation, analytics, handover.
 */
@FunctionalInterface
public interface ReceiveInterceptor {

  Future<Void> receive(Turn turn, Supplier<Future<Void>> next);
}
