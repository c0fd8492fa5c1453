package dev.chatbot.state.file;

import dev.chatbot.state.BotDataStore;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.h2.mvstore.MVMap;

/**
 * Conversation state, profiles and bots' own data: every value in the heap (read at start), each change written
 * through to the file. Reads never touch the disk, so they are as fast as {@code memory}'s; a write completes once
 * committed. The writer stores a key's latest value, whichever change queued it, so two quick changes of one key can
 * never land on disk in the wrong order.
 */
final class FileValues implements StateStore, BotDataStore {

  private final DataFile file;
  private final MVMap<String, Object> map;
  private final ConcurrentMap<String, JsonObject> values = new ConcurrentHashMap<>();

  FileValues(DataFile file) {
    this.file = file;
    this.map = file.map("values");
    map.forEach((key, stored) -> values.put(key, StoredJson.decode(stored, JsonObject.class)));
  }

  @Override
  public Future<JsonObject> get(String key) {
    JsonObject value = values.get(key);
    return Future.succeededFuture(value == null ? new JsonObject() : value.copy());
  }

  @Override
  public Future<Void> put(String key, JsonObject value) {
    values.put(key, value.copy());
    return file.write(() -> persist(key));
  }

  @Override
  public Future<Void> remove(String key) {
    values.remove(key);
    return file.write(() -> persist(key));
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    return Future.succeededFuture(values.keySet().stream().filter(key -> key.startsWith(prefix)).toList());
  }

  @Override
  public Future<JsonObject> update(String key, UnaryOperator<JsonObject> change) {
    JsonObject updated;
    try {
      updated = values.compute(key, (k, current) -> {
        JsonObject next = change.apply(current == null ? new JsonObject() : current.copy());
        return next == null ? new JsonObject() : next.copy();
      });
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
    JsonObject result = updated.copy();
    return file.write(() -> persist(key)).map(result);
  }

  @Override
  public Future<Void> delete(String key) {
    return remove(key);
  }

  /** Puts {@code changes} in the heap now; {@link #persist} them inside a unit of the caller's. */
  void change(Map<String, JsonObject> changes) {
    changes.forEach((key, value) -> values.put(key, value.copy()));
  }

  /** On the writer thread: the key's current value to the file. */
  void persist(String key) {
    JsonObject value = values.get(key);
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, StoredJson.encode(value));
    }
  }
}
