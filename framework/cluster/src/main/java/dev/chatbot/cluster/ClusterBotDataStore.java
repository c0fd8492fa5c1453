package dev.chatbot.cluster;

import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.function.UnaryOperator;

/**
 * Bot-wide data in a distributed map, readable and updatable from every member. Updates are optimistic: read, apply
 * the change, then compare-and-set ({@code putIfAbsent} or {@code replaceIfPresent} with the value read); a member
 * that lost the race reads again and reapplies, so two members can never both take the last pair in stock.
 */
final class ClusterBotDataStore implements BotDataStore {

  private static final int MAX_ATTEMPTS = 64;

  private final AsyncMap<String, JsonObject> map;

  ClusterBotDataStore(AsyncMap<String, JsonObject> map) {
    this.map = map;
  }

  @Override
  public Future<JsonObject> get(String key) {
    return map.get(key).map(value -> value == null ? new JsonObject() : value);
  }

  @Override
  public Future<JsonObject> update(String key, UnaryOperator<JsonObject> change) {
    return attempt(key, change, 1);
  }

  private Future<JsonObject> attempt(String key, UnaryOperator<JsonObject> change, int attempt) {
    return map.get(key).compose(current -> {
      JsonObject next;
      try {
        next = change.apply(current == null ? new JsonObject() : current.copy());
      } catch (RuntimeException refused) {
        return Future.failedFuture(refused);
      }
      JsonObject value = next == null ? new JsonObject() : next;
      Future<Boolean> swapped = current == null
          ? map.putIfAbsent(key, value).map(previous -> previous == null)
          : map.replaceIfPresent(key, current, value);
      return swapped.compose(won -> {
        if (won) {
          return Future.succeededFuture(value.copy());
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new IllegalStateException("bot data key " + key + " too contended"));
        }
        return attempt(key, change, attempt + 1);
      });
    });
  }

  @Override
  public Future<Void> delete(String key) {
    return map.remove(key).mapEmpty();
  }
}
