package dev.chatbot.cluster;

import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import dev.chatbot.state.DedupeStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Inbound event ids seen cluster-wide, with a time to live, so a redelivery that lands on any member is recognised.
 * One asynchronous {@code put} per id: the map applies puts of one key one at a time, so exactly one of two racing
 * puts finds no previous value. (Vert.x's {@code AsyncMap.putIfAbsent} would do the same on a worker thread, a
 * thread hop per message.) A repeat refreshes the id's time to live, which only makes a redelivery storm remembered
 * longer.
 *
 * <p>An id is kept in its conversation's partition (a {@link PartitionAwareKey} like {@link Work}'s), whose owner is
 * the member handling the conversation: the put is local, plus its backups, where a plain key would be remote for
 * (n-1)/n of the ids. A platform redelivers an event to the same conversation, so the key is the same each time.
 */
final class ClusterDedupeStore implements DedupeStore {

  private final IMap<PartitionAwareKey<String, String>, Boolean> map;
  private final long windowMillis;

  ClusterDedupeStore(IMap<PartitionAwareKey<String, String>, Boolean> map, Duration window) {
    this.map = map;
    this.windowMillis = window.toMillis();
  }

  /** Without its conversation (no caller of the core does this): in the id's own partition. */
  @Override
  public Future<Boolean> firstSeen(String id) {
    return firstSeen(new PartitionAwareKey<>(id, id));
  }

  @Override
  public Future<Boolean> firstSeen(String id, String conversationKey) {
    return firstSeen(new PartitionAwareKey<>(id, ClusterOwnership.STATE_KEY_PREFIX + conversationKey));
  }

  private Future<Boolean> firstSeen(PartitionAwareKey<String, String> key) {
    return Hz.future(firstSeenStage(key));
  }

  /**
   * {@link #firstSeen(String, String)} as Hazelcast's stage, completed on the thread that ran the put (the
   * partition's thread when it is local), so {@link ClusterInbox#keepFirstSeen} can chain the inbox write there.
   */
  CompletionStage<Boolean> firstSeenStage(String id, String conversationKey) {
    return firstSeenStage(new PartitionAwareKey<>(id, ClusterOwnership.STATE_KEY_PREFIX + conversationKey));
  }

  private CompletionStage<Boolean> firstSeenStage(PartitionAwareKey<String, String> key) {
    return map.putAsync(key, Boolean.TRUE, windowMillis, TimeUnit.MILLISECONDS)
        .thenApplyAsync(previous -> previous == null, Runnable::run);
  }
}
