package dev.chatbot.cluster;

import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.MemoryDedupeStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Inbound event ids seen cluster-wide, so a redelivery that lands on any member is recognised: one entry per
 * Hazelcast partition ({@link SeenIds}: the fingerprints of the ids of that partition's conversations, in the two
 * generations a single process keeps), and one entry processor per id ({@link SeenIds.Remember}) that adds the id
 * and answers whether it was new. The id goes to its conversation's partition, whose owner is the member handling
 * the conversation, so the call is local but for its backups. A platform redelivers an event to the same
 * conversation, so it finds the same partition.
 *
 * <p>Why not an entry per id, as until 2026-11-27: a map at its size bound evicts an entry on every put, choosing
 * it from a sample of fifteen, which cost a fifth of the partition threads' time and made every id an entry object
 * the collector copied and promoted for minutes (bench/README.md, session 12).
 *
 * <p>{@code DEDUPE_MAX_ENTRIES} bounds the cluster, spread over the partitions: each partition's generation holds up
 * to twice its even share (at least 64), so a partition twice as busy as the average still remembers its ids for
 * the whole window.
 */
final class ClusterDedupeStore implements DedupeStore {

  private static final int MIN_PER_PARTITION = 64;

  private final IMap<String, SeenIds> map;
  private final PartitionService partitions;
  private final long windowMillis;
  private final long perPartition;
  /** The key of each partition's entry: a string that Hazelcast hashes into that partition. */
  private final String[] keyOfPartition;

  ClusterDedupeStore(IMap<String, SeenIds> map, PartitionService partitions, Duration window, int maxEntries) {
    this.map = map;
    this.partitions = partitions;
    this.windowMillis = window.toMillis();
    this.keyOfPartition = partitionKeys(partitions);
    int count = keyOfPartition.length;
    this.perPartition = Math.max(MIN_PER_PARTITION, (2L * maxEntries + count - 1) / count);
  }

  /** Without its conversation (no caller of the core does this): in the id's own partition. */
  @Override
  public Future<Boolean> firstSeen(String id) {
    return Hz.future(remember(id, id));
  }

  @Override
  public Future<Boolean> firstSeen(String id, String conversationKey) {
    return Hz.future(firstSeenStage(id, conversationKey));
  }

  @Override
  public Future<Void> forget(String id, String conversationKey) {
    return Hz.future(map.submitToKey(keyOf(ClusterOwnership.STATE_KEY_PREFIX + conversationKey),
        new SeenIds.Forget(MemoryDedupeStore.fingerprint(id))));
  }

  /** {@link #firstSeen(String, String)} as Hazelcast's stage, completed on the thread that ran it. */
  CompletionStage<Boolean> firstSeenStage(String id, String conversationKey) {
    return remember(id, ClusterOwnership.STATE_KEY_PREFIX + conversationKey);
  }

  /** Ids each partition's generation holds at most. */
  long perPartition() {
    return perPartition;
  }

  private CompletionStage<Boolean> remember(String id, Object partitionKey) {
    return map.submitToKey(keyOf(partitionKey), new SeenIds.Remember(MemoryDedupeStore.fingerprint(id),
        System.currentTimeMillis(), windowMillis, perPartition));
  }

  /** The key of the dedupe entry in the partition of {@code partitionKey}. */
  private String keyOf(Object partitionKey) {
    return keyOfPartition[partitions.getPartition(partitionKey).getPartitionId()];
  }

  /** Hazelcast's hashing is the same on every member, so every member finds the same keys. */
  private static String[] partitionKeys(PartitionService partitions) {
    String[] keys = new String[partitions.getPartitions().size()];
    int missing = keys.length;
    for (int i = 0; missing > 0; i++) {
      String key = "seen:" + i;
      int partition = partitions.getPartition(key).getPartitionId();
      if (keys[partition] == null) {
        keys[partition] = key;
        missing--;
      }
    }
    return keys;
  }
}
