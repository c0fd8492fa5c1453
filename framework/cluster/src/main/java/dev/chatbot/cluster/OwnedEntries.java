package dev.chatbot.cluster;

import com.hazelcast.partition.Partition;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The state entries of the partitions this member owns, as it last read or wrote them: the owner of a conversation
 * reads its state and its user's profile on every turn, and a read through Hazelcast, local as it is, is a hand-off
 * to a partition thread and back (bench/README.md, session 16). An entry is trusted while this member owns its
 * partition, within one {@link PartitionEpoch}, and while nothing else changed it: every write through the store
 * drops it ({@link ClusterStateStore}, on the owner also when another member wrote), and a read or write fills it
 * only if its partition saw no other change meanwhile (a count per partition), so a slow read never brings back what
 * a write replaced.
 *
 * <p>Bounded by {@link #MAX_ENTRIES}: past it, everything is dropped and the next reads fill it again. Why by hand
 * rather than Hazelcast's near cache: that one is invalidated by events that may arrive late (up to its
 * reconciliation interval, a minute), so after a partition moved back and forth a member could read a conversation's
 * state from before the other member's turns.
 */
final class OwnedEntries {

  /** About 16 MB with a shop's state and profiles (0.2-2 KB each). */
  static final int MAX_ENTRIES = 16_384;

  /** With its partition, so a read from memory does not hash the key again. */
  private record Entry(String json, int epoch, Partition partition) {}

  private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
  /** By partition: changes seen here, the stamp a read or write compares. */
  private final AtomicIntegerArray changes;
  private final PartitionEpoch epoch;

  OwnedEntries(int partitions, PartitionEpoch epoch) {
    this.changes = new AtomicIntegerArray(partitions);
    this.epoch = epoch;
  }

  /** The entry's JSON as last known here ({@code ""}: no entry), or null when not known or no longer trusted. */
  String get(Object key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.epoch() != epoch.current() || !epoch.ownedHere(entry.partition())) {
      entries.remove(key, entry);
      return null;
    }
    return entry.json();
  }

  /** Taken before a read or a write of the partition's entries, to tell whether anything else changed them since. */
  long stamp(Partition partition) {
    return ((long) epoch.current() << 32) | (changes.get(partition.getPartitionId()) & 0xffffffffL);
  }

  /** A read that started at {@code stamp} found {@code json}: kept unless the partition changed meanwhile. */
  void read(Object key, Partition partition, long stamp, String json) {
    bound();
    entries.compute(key, (k, old) -> stamp == stamp(partition) ? keep(partition, stamp, json) : old);
  }

  /**
   * A write through this member that started at {@code stamp} left {@code json} ({@code ""}: removed): kept when it was
   * the partition's only change meanwhile, dropped otherwise (another write may have landed after it).
   */
  void wrote(Object key, Partition partition, long stamp, String json) {
    int now = changes.incrementAndGet(partition.getPartitionId());
    boolean alone = now == (int) stamp + 1 && epoch.current() == (int) (stamp >>> 32);
    bound();
    entries.compute(key, (k, old) -> alone ? keep(partition, stamp, json) : null);
  }

  /** Another member wrote the entry. */
  void drop(Object key, Partition partition) {
    // Counted first, so a read under way when the write landed does not fill it afterwards.
    changes.incrementAndGet(partition.getPartitionId());
    entries.remove(key);
  }

  private Entry keep(Partition partition, long stamp, String json) {
    return epoch.ownedHere(partition) ? new Entry(json, (int) (stamp >>> 32), partition) : null;
  }

  private void bound() {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
  }
}
