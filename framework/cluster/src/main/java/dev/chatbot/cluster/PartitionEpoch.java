package dev.chatbot.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A count of the moments partitions may have changed owner: a member joined or left, or a migration started or
 * finished. What a member keeps in memory about the partitions it owns (the dedupe ids, the state it read) is
 * trusted only within one epoch, and only while it still owns the partition: Hazelcast tells every member of a
 * migration, but asynchronously, so the owner is checked as well ({@link #ownedHere}).
 */
final class PartitionEpoch implements MembershipListener, MigrationListener {

  /** How long an answer of {@link #ownedHere} stands within an epoch, in units of 2^20 ns (about a millisecond). */
  private static final long OWNER_CHECK_UNITS = 10;

  private final AtomicInteger epoch = new AtomicInteger(1);
  /** By partition: the epoch, the time and the answer of the last owner check, in one word so they go together. */
  private final AtomicLongArray ownerChecks;

  PartitionEpoch(PartitionService partitions) {
    this.ownerChecks = new AtomicLongArray(partitions.getPartitions().size());
  }

  /** Starts counting the changes of {@code hazelcast}'s members and partitions. */
  PartitionEpoch watch(HazelcastInstance hazelcast) {
    hazelcast.getCluster().addMembershipListener(this);
    hazelcast.getPartitionService().addMigrationListener(this);
    return this;
  }

  int current() {
    return epoch.get();
  }

  /**
   * Whether this member owns {@code partition}: Hazelcast's answer, at most ten milliseconds old and from this
   * epoch. Asking Hazelcast looks the owner's address up among the members, and a message asks several times.
   */
  boolean ownedHere(Partition partition) {
    int index = partition.getPartitionId();
    int now = epoch.get();
    long units = (System.nanoTime() >>> 20) & 0x7fffffffL;
    long check = ownerChecks.get(index);
    if ((int) (check >>> 32) == now && ((units - ((check >>> 1) & 0x7fffffffL)) & 0x7fffffffL) < OWNER_CHECK_UNITS) {
      return (check & 1) == 1;
    }
    Member owner = partition.getOwner();
    boolean owned = owner != null && owner.localMember();
    ownerChecks.set(index, ((long) now << 32) | (units << 1) | (owned ? 1 : 0));
    return owned;
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    epoch.incrementAndGet();
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    epoch.incrementAndGet();
  }

  @Override
  public void migrationStarted(MigrationState state) {
    epoch.incrementAndGet();
  }

  @Override
  public void migrationFinished(MigrationState state) {
    epoch.incrementAndGet();
  }

  /** Each replica's move happens between a migration's start and finish, which count already. */
  @Override
  public void replicaMigrationCompleted(ReplicaMigrationEvent event) {}

  @Override
  public void replicaMigrationFailed(ReplicaMigrationEvent event) {}
}
