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
}
