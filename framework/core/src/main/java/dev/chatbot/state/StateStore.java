package dev.chatbot.state;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where conversation state and user profiles live between messages. Asynchronous because the cluster
 * implementation is a network call; the in-memory one completes at once.
 */
public interface StateStore {

  /** The stored object, or an empty one when nothing is stored under {@code key}. Callers may mutate it. */
  Future<JsonObject> get(String key);

  Future<Void> put(String key, JsonObject value);

  /** Removes {@code key}; completes whether or not it existed. */
  Future<Void> remove(String key);

  /** The stored keys that start with {@code prefix} (erasure looks up a user's conversations with it). */
  Future<java.util.List<String>> keys(String prefix);
}
