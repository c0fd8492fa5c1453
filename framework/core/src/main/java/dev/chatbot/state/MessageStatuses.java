package dev.chatbot.state;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Statuses of the admin API's proactive messages ({@code GET /api/v1/messages/{id}}), each kept for
 * {@link #KEEP_FOR} after its last change. {@code memory}: this process's heap; {@code file}: the data file, so a
 * status survives a restart; {@code cluster}: the cluster's maps, so any member answers for any message.
 */
public interface MessageStatuses {

  Duration KEEP_FOR = Duration.ofHours(24);

  /** Keeps {@code status} (replacing the one with its id); completes once it would survive what the store survives. */
  Future<Void> put(MessageStatus status);

  /** The status of message {@code id}, empty when unknown or older than {@link #KEEP_FOR}. */
  Future<Optional<MessageStatus>> get(String id);
}
