package dev.chatbot.cluster;

import com.hazelcast.map.IMap;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * Bot-wide data in a distributed map (as JSON text), readable and updatable from every member. Updates are
 * optimistic: read, apply the change, then compare-and-set ({@code putIfAbsent} or {@code replace} with the text
 * read); a member that lost the race reads again and reapplies, so two members can never both take the last pair
 * in stock. Hazelcast has no asynchronous compare-and-set, so that one call runs on a worker thread.
 */
final class ClusterBotDataStore implements BotDataStore {

  private static final int MAX_ATTEMPTS = 64;

  private final Vertx vertx;
  private final IMap<String, String> map;

  ClusterBotDataStore(Vertx vertx, IMap<String, String> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<JsonObject> get(String key) {
    return Hz.future(map.getAsync(key)).map(value -> value == null ? new JsonObject() : new JsonObject(value));
  }

  @Override
  public Future<JsonObject> update(String key, UnaryOperator<JsonObject> change) {
    return attempt(key, change, 1);
  }

  private Future<JsonObject> attempt(String key, UnaryOperator<JsonObject> change, int attempt) {
    return Hz.future(map.getAsync(key)).compose(current -> {
      JsonObject next;
      try {
        next = change.apply(current == null ? new JsonObject() : new JsonObject(current));
      } catch (RuntimeException refused) {
        return Future.failedFuture(refused);
      }
      JsonObject value = next == null ? new JsonObject() : next;
      String text = value.encode();
      Future<Boolean> swapped = vertx.executeBlocking(() -> current == null
          ? map.putIfAbsent(key, text) == null
          : map.replace(key, current, text));
      return swapped.compose(won -> {
        if (won) {
          return Future.succeededFuture(new JsonObject(text));
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
    return Hz.future(map.removeAsync(key)).mapEmpty();
  }
}
