package dev.chatbot.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.partition.PartitionService;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>The entries of the partitions this member owns are read from its memory once known ({@link OwnedEntries}). A
 * write by another member tells the owner before it completes ({@link #DROP_ADDRESS}), so whoever waits for a write
 * (the next turn, an erasure) then reads what it wrote from any member.
 */
final class ClusterStateStore implements StateStore {

  static final String PROFILE_PREFIX = "profile:";
  /** Where a member takes the keys of its entries that another member wrote: then its node id. */
  static final String DROP_ADDRESS = "chatbot.state-written.";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStateStore.class);

  private final Vertx vertx;
  private final IMap<Object, String> map;
  private final PartitionService partitions;
  private final OwnedEntries owned;

  ClusterStateStore(Vertx vertx, IMap<Object, String> map, PartitionService partitions, PartitionEpoch epoch) {
    this.vertx = vertx;
    this.map = map;
    this.partitions = partitions;
    this.owned = new OwnedEntries(partitions.getPartitions().size(), epoch);
  }

  /** Starts taking the keys other members wrote, at this member's {@link #DROP_ADDRESS}. */
  Future<Void> start(String self) {
    return vertx.eventBus().<String>consumer(DROP_ADDRESS + self, written -> {
      Object mapKey = mapKey(written.body());
      owned.drop(mapKey, partitions.getPartition(mapKey));
      written.reply(null);
    }).completion();
  }

  @Override
  public Future<JsonObject> get(String key) {
    Object mapKey = mapKey(key);
    String known = owned.get(mapKey);
    if (known != null) {
      return Future.succeededFuture(decode(known));
    }
    Partition partition = partitions.getPartition(mapKey);
    long stamp = owned.stamp(partition);
    return Hz.future(map.getAsync(mapKey)).map(value -> {
      String json = value == null ? "" : value;
      owned.read(mapKey, partition, stamp, json);
      return decode(json);
    });
  }

  @Override
  public Future<Void> put(String key, JsonObject value) {
    Object mapKey = mapKey(key);
    String json = value.encode();
    return written(key, mapKey, json, Hz.future(map.setAsync(mapKey, json)));
  }

  @Override
  public Future<Void> remove(String key) {
    Object mapKey = mapKey(key);
    return written(key, mapKey, "", Hz.future(map.removeAsync(mapKey)).mapEmpty());
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    // Reads every member's keys: blocking, off the event loop.
    return vertx.executeBlocking(() -> map.keySet().stream().map(ClusterStateStore::storeKey)
        .filter(key -> key.startsWith(prefix)).toList());
  }

  /**
   * Completes once {@code write} did and the entry's owner knows: this member, or another that drops what it knew.
   * An owner that does not answer is leaving or gone, and its memory with it: the write still counts.
   */
  private Future<Void> written(String key, Object mapKey, String json, Future<Void> write) {
    Partition partition = partitions.getPartition(mapKey);
    long stamp = owned.stamp(partition);
    return write.transform(result -> {
      if (result.failed()) {
        owned.drop(mapKey, partition); // it may have landed all the same
        return Future.failedFuture(result.cause());
      }
      owned.wrote(mapKey, partition, stamp, json);
      Member owner = partition.getOwner();
      String node = owner == null || owner.localMember() ? null : ClusterOwnership.nodeId(owner);
      if (node == null) {
        return Future.succeededFuture();
      }
      return vertx.eventBus().request(DROP_ADDRESS + node, key,
              new DeliveryOptions().setSendTimeout(ConversationRouter.FORWARD_TIMEOUT_MILLIS))
          .<Void>mapEmpty()
          .recover(unanswered -> {
            LOG.warn("state write not confirmed by the entry's owner error=\"{}\"", unanswered.getMessage());
            return Future.succeededFuture();
          });
    });
  }

  /** A fresh object each time, so the caller may change it. */
  private static JsonObject decode(String json) {
    return json.isEmpty() ? new JsonObject() : new JsonObject(json);
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
