package dev.chatbot.cluster;

import com.hazelcast.map.IMap;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Conversation state and user profiles in a Hazelcast map (with {@code CLUSTER_BACKUP_COUNT} backups of each entry),
 * as JSON text. The map itself rather than Vert.x's shared-data view of it: that view completes each operation
 * through Hazelcast's default executor (see {@link Hz}).
 */
final class ClusterStateStore implements StateStore {

  private final Vertx vertx;
  private final IMap<String, String> map;

  ClusterStateStore(Vertx vertx, IMap<String, String> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<JsonObject> get(String key) {
    // Each get decodes a fresh object, so the caller may mutate it.
    return Hz.future(map.getAsync(key)).map(value -> value == null ? new JsonObject() : new JsonObject(value));
  }

  @Override
  public Future<Void> put(String key, JsonObject value) {
    return Hz.future(map.setAsync(key, value.encode()));
  }

  @Override
  public Future<Void> remove(String key) {
    return Hz.future(map.removeAsync(key)).mapEmpty();
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    // Reads every member's keys: blocking, off the event loop.
    return vertx.executeBlocking(() -> map.keySet().stream().filter(key -> key.startsWith(prefix)).toList());
  }
}
