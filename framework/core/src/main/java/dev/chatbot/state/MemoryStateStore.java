package dev.chatbot.state;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The single-process default: a concurrent map. Copies on the way in and out, like a remote store would. */
public final class MemoryStateStore implements StateStore {

  private final ConcurrentMap<String, JsonObject> values = new ConcurrentHashMap<>();

  @Override
  public Future<JsonObject> get(String key) {
    JsonObject value = values.get(key);
    return Future.succeededFuture(value == null ? new JsonObject() : value.copy());
  }

  @Override
  public Future<Void> put(String key, JsonObject value) {
    values.put(key, value.copy());
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String key) {
    values.remove(key);
    return Future.succeededFuture();
  }

  @Override
  public Future<java.util.List<String>> keys(String prefix) {
    return Future.succeededFuture(values.keySet().stream().filter(key -> key.startsWith(prefix)).toList());
  }
}
