package dev.chatbot.state;

import io.vertx.core.Future;

/** Remembers inbound event ids for a while, so a platform's redelivery is processed once. */
public interface DedupeStore {

  /** True the first time {@code id} is seen inside the window, false for a repeat. */
  Future<Boolean> firstSeen(String id);

  /**
   * {@link #firstSeen(String)} for an event of conversation {@code conversationKey}: a store spread over several
   * machines keeps the id next to that conversation's other data (one local write instead of a remote one).
   */
  default Future<Boolean> firstSeen(String id, String conversationKey) {
    return firstSeen(id);
  }

  /**
   * Forgets {@code id}: its message was seen but could not be kept (the webhook failed), so the platform's
   * redelivery of it must count as new. A store that cannot forget keeps it (this default), and such a redelivery
   * is then taken for a repeat and lost.
   */
  default Future<Void> forget(String id, String conversationKey) {
    return Future.succeededFuture();
  }
}
