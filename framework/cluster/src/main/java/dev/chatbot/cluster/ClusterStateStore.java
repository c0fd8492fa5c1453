package dev.chatbot.cluster;

import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

/**
 * Conversation state and user profiles in a Vert.x shared-data map, which the Hazelcast cluster manager backs with
 * a distributed map holding one backup of each entry on another member.
 */
final class ClusterStateStore implements StateStore {

  private final AsyncMap<String, JsonObject> map;

  ClusterStateStore(AsyncMap<String, JsonObject> map) {
    this.map = map;
  }

  @Override
  public Future<JsonObject> get(String key) {
    // Each get deserializes a fresh object, so the caller may mutate it.
    return map.get(key).map(value -> value == null ? new JsonObject() : value);
  }

  @Override
  public Future<Void> put(String key, JsonObject value) {
    return map.put(key, value.copy());
  }

  @Override
  public Future<Void> remove(String key) {
    return map.remove(key).mapEmpty();
  }

  @Override
  public Future<java.util.List<String>> keys(String prefix) {
    return map.keys().map(keys -> keys.stream().filter(key -> key.startsWith(prefix)).toList());
  }
}
