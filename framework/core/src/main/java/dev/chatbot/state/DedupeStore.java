package dev.chatbot.state;

import io.vertx.core.Future;

/** Remembers inbound event ids for a while, so a platform's redelivery is processed once. */
public interface DedupeStore {

  /** True the first time {@code id} is seen inside the window, false for a repeat. */
  Future<Boolean> firstSeen(String id);
}
