package dev.chatbot.cluster;

import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Conversation state and user profiles in a Hazelcast map (with {@code CLUSTER_BACKUP_COUNT} backups of each entry),
 * as JSON text. The map itself rather than Vert.x's shared-data view of it: that view completes each operation
 * through Hazelcast's default executor (see {@link Hz}).
 *
 * <p>A user's profile is kept in the partition of the user's own conversation, the one whose key is the user's key
 * (a Messenger, WhatsApp or Telegram private chat: {@code profile:messenger:42} beside
 * {@code conversation:messenger:42}), so the member handling that conversation reads and writes the profile
 * locally; with a plain key it would be remote on (n-1)/n of the turns. A user in a shared conversation (a Slack
 * channel) reads it from wherever that partition is, as before.
 */
final class ClusterStateStore implements StateStore {

  static final String PROFILE_PREFIX = "profile:";

  private final Vertx vertx;
  private final IMap<Object, String> map;

  ClusterStateStore(Vertx vertx, IMap<Object, String> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<JsonObject> get(String key) {
    // Each get decodes a fresh object, so the caller may mutate it.
    return Hz.future(map.getAsync(mapKey(key))).map(value -> value == null ? new JsonObject() : new JsonObject(value));
  }

  @Override
  public Future<Void> put(String key, JsonObject value) {
    return Hz.future(map.setAsync(mapKey(key), value.encode()));
  }

  @Override
  public Future<Void> remove(String key) {
    return Hz.future(map.removeAsync(mapKey(key))).mapEmpty();
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    // Reads every member's keys: blocking, off the event loop.
    return vertx.executeBlocking(() -> map.keySet().stream().map(ClusterStateStore::storeKey)
        .filter(key -> key.startsWith(prefix)).toList());
  }

  /** The map's key for a store key: a profile's carries its user's conversation as partition key, others are as is. */
  static Object mapKey(String key) {
    return key.startsWith(PROFILE_PREFIX)
        ? new PartitionAwareKey<>(key, ClusterOwnership.STATE_KEY_PREFIX + key.substring(PROFILE_PREFIX.length()))
        : key;
  }

  private static String storeKey(Object mapKey) {
    return mapKey instanceof PartitionAwareKey<?, ?> aware ? (String) aware.getKey() : (String) mapKey;
  }
}
