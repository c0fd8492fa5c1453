package dev.chatbot.state;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** Bot-wide data in this process's heap: {@code compute} makes each update atomic. Copies in and out. */
public final class MemoryBotDataStore implements BotDataStore {

  private final ConcurrentMap<String, JsonObject> values = new ConcurrentHashMap<>();

  @Override
  public Future<JsonObject> get(String key) {
    JsonObject value = values.get(key);
    return Future.succeededFuture(value == null ? new JsonObject() : value.copy());
  }

  @Override
  public Future<JsonObject> update(String key, UnaryOperator<JsonObject> change) {
    try {
      JsonObject updated = values.compute(key, (k, current) -> {
        JsonObject next = change.apply(current == null ? new JsonObject() : current.copy());
        return next == null ? new JsonObject() : next.copy();
      });
      return Future.succeededFuture(updated.copy());
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }

  @Override
  public Future<Void> delete(String key) {
    values.remove(key);
    return Future.succeededFuture();
  }
}
