package dev.chatbot.state;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * A bot's own data that belongs to no conversation and no user: stock levels, order counters, a catalogue of orders.
 * Durable with {@code STATE_STORE=file}, shared by every member with {@code cluster}. Bots reach theirs through
 * {@code BotVerticle.data()}, which keeps each bot's keys apart.
 */
public interface BotDataStore {

  /** A copy of the value under {@code key}, or an empty object when there is none. */
  Future<JsonObject> get(String key);

  /**
   * Atomically replaces the value under {@code key} (an empty object when there is none) with {@code change} applied
   * to a copy of it, and returns the new value. {@code change} may run more than once when other writers race (the
   * store retries on a changed value), so it must not have side effects; an exception thrown from it fails the future
   * and changes nothing, which is how a check such as "enough stock" refuses an update.
   */
  Future<JsonObject> update(String key, UnaryOperator<JsonObject> change);

  /** Removes {@code key}; completes whether or not it existed. */
  Future<Void> delete(String key);

  /** This store seen through a key prefix, so bots sharing a store never see each other's keys. */
  default BotDataStore prefixed(String prefix) {
    BotDataStore store = this;
    return new BotDataStore() {
      @Override
      public Future<JsonObject> get(String key) {
        return store.get(prefix + key);
      }

      @Override
      public Future<JsonObject> update(String key, UnaryOperator<JsonObject> change) {
        return store.update(prefix + key, change);
      }

      @Override
      public Future<Void> delete(String key) {
        return store.delete(prefix + key);
      }
    };
  }
}
