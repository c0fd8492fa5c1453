package dev.chatbot.cluster;

import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.FingerprintGenerations;
import dev.chatbot.state.MemoryDedupeStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Inbound event ids seen cluster-wide, so a redelivery that lands on any member is recognised. A platform redelivers
 * an event to the same conversation, and each conversation is handled by the member that owns its partition
 * ({@link ClusterOwnership}), so that member checks the id in its memory: the fingerprints of the ids of each
 * partition it owns, in the generations a single process keeps. An id seen first goes to the member's journal with
 * the keep of its message, in the same write ({@link ClusterInbox#seen}), so the webhook's {@code 200} also waits
 * for the id and its backup copy, and a member that comes to own the partition (its owner left or died) reads the
 * partition's ids from every journal ({@link Journal.SeenIn}) before it checks one.
 *
 * <p>Why not an entry processor per id on a partition's entry, as until 2026-11-28: that operation, local to the
 * owner but for its copy, was about a quarter of the cluster's cost per message on the spread row (bench/README.md,
 * session 15), while the journal write it now rides is one per many messages.
 *
 * <p>What a member holds in memory for a partition is trusted while it owns the partition and no partition moved or
 * member came or went since it read the journals ({@link PartitionEpoch}). An id of a partition owned
 * elsewhere (a stand-in handling a message while the owner is unavailable) is checked against the journals as they
 * are at that moment. While a partition moves, an id its old owner saw in the last milliseconds may not be in its
 * journal yet: a redelivery in that moment is handled twice (docs/cluster.md).
 *
 * <p>{@code DEDUPE_MAX_ENTRIES} bounds the cluster, spread over the partitions: each partition's generation holds up
 * to twice its even share (at least 64), so a partition twice as busy as the average still remembers its ids for
 * the whole window.
 */
final class ClusterDedupeStore implements DedupeStore {

  private static final int MIN_PER_PARTITION = 64;

  private final Vertx vertx;
  private final ClusterInbox inbox;
  private final PartitionService partitions;
  private final Journal.Bounds bounds;
  /** By partition: the fingerprints known here, each guarded by itself. */
  private final FingerprintGenerations[] known;
  /** By partition: the epoch in which its fingerprints were read from the journals while this member owned it. */
  private final AtomicIntegerArray readIn;
  private final PartitionEpoch epoch;
  /** Whether a read of the journals is under way, and the next one with its partitions; guarded by this. */
  private boolean reading;
  private Promise<Void> next;
  private Set<Integer> nextPartitions;
  /** Reads of the journals started, for tests. */
  private final AtomicInteger reads = new AtomicInteger();

  ClusterDedupeStore(Vertx vertx, ClusterInbox inbox, PartitionService partitions, PartitionEpoch epoch,
      Journal.Bounds bounds) {
    this.vertx = vertx;
    this.epoch = epoch;
    this.inbox = inbox;
    this.partitions = partitions;
    this.bounds = bounds;
    int count = partitions.getPartitions().size();
    this.known = new FingerprintGenerations[count];
    long now = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      known[i] = new FingerprintGenerations(bounds.windowMillis(), bounds.perPartition(), now);
    }
    this.readIn = new AtomicIntegerArray(count);
  }

  /** The bounds for {@code DEDUPE_WINDOW_SECONDS} and {@code DEDUPE_MAX_ENTRIES} over {@code partitions}. */
  static Journal.Bounds bounds(Duration window, int maxEntries, int partitions) {
    return new Journal.Bounds(window.toMillis(),
        Math.max(MIN_PER_PARTITION, (2L * maxEntries + partitions - 1) / partitions));
  }

  /** Without its conversation (no caller of the core does this): in the id's own partition. */
  @Override
  public Future<Boolean> firstSeen(String id) {
    return remember(id, partitions.getPartition(id));
  }

  @Override
  public Future<Boolean> firstSeen(String id, String conversationKey) {
    return remember(id, partitions.getPartition(ClusterOwnership.STATE_KEY_PREFIX + conversationKey));
  }

  /** Only from memory: the journal write that would have held it is the keep that failed. */
  @Override
  public Future<Void> forget(String id, String conversationKey) {
    int partition = partitions.getPartition(ClusterOwnership.STATE_KEY_PREFIX + conversationKey).getPartitionId();
    FingerprintGenerations generations = known[partition];
    synchronized (generations) {
      generations.forget(MemoryDedupeStore.fingerprint(id));
    }
    return Future.succeededFuture();
  }

  /** Ids each partition's generation holds at most. */
  long perPartition() {
    return bounds.perPartition();
  }

  /** Reads of the journals started so far. */
  int reads() {
    return reads.get();
  }

  private Future<Boolean> remember(String id, Partition partition) {
    int index = partition.getPartitionId();
    long fingerprint = MemoryDedupeStore.fingerprint(id);
    return current(partition).map(known -> {
      boolean first;
      synchronized (known) {
        first = known.remember(fingerprint, System.currentTimeMillis());
      }
      if (first) {
        inbox.seen(index, fingerprint);
      }
      return first;
    });
  }

  /** The partition's fingerprints, once what the journals hold of them is known here. */
  private Future<FingerprintGenerations> current(Partition partition) {
    int index = partition.getPartitionId();
    int now = epoch.current();
    if (epoch.ownedHere(partition) && readIn.get(index) == now) {
      return Future.succeededFuture(known[index]);
    }
    return read(index).map(known[index]);
  }

  /**
   * Completes once the fingerprints of {@code partition} were read from every journal, together with those of every
   * partition this member owns but has not read in this epoch (one read for the lot when partitions came here). One
   * read at a time, blocking, on a worker thread: what is asked for while one is under way goes in the next, so a
   * stand-in checking ids of many partitions while their owner is gone reads the journals back to back, not once
   * per message.
   */
  private synchronized Future<Void> read(int partition) {
    if (next == null) {
      next = Promise.promise();
      nextPartitions = new HashSet<>();
    }
    nextPartitions.add(partition);
    Future<Void> read = next.future();
    if (!reading) {
      startRead();
    }
    return read;
  }

  /** Starts the next read; called holding this object's lock. */
  private void startRead() {
    Promise<Void> promise = next;
    Set<Integer> wanted = nextPartitions;
    next = null;
    reading = true;
    reads.incrementAndGet();
    int now = epoch.current();
    Set<Integer> owned = new HashSet<>();
    for (Partition each : partitions.getPartitions()) {
      if (epoch.ownedHere(each) && readIn.get(each.getPartitionId()) != now) {
        owned.add(each.getPartitionId());
      }
    }
    wanted.addAll(owned);
    vertx.<Void>executeBlocking(() -> {
      long nowMillis = System.currentTimeMillis();
      for (Map<Integer, long[]> journal : inbox.map().project(new Journal.SeenIn(wanted, nowMillis))) {
        journal.forEach((index, fingerprints) -> {
          FingerprintGenerations generations = known[index];
          synchronized (generations) {
            for (long fingerprint : fingerprints) {
              generations.remember(fingerprint, nowMillis);
            }
          }
        });
      }
      // Trusted from now on only while owned here; the others are read again each time.
      owned.forEach(index -> readIn.set(index, now));
      return null;
    }, false).onComplete(done -> {
      promise.handle(done);
      synchronized (this) {
        reading = false;
        if (next != null) {
          startRead();
        }
      }
    });
  }
}
