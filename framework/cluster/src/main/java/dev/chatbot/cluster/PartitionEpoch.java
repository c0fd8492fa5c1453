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
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A count of the moments partitions may have changed owner: a member joined or left, or a migration started or
 * finished. What a member keeps in memory about the partitions it owns (the dedupe ids, the state it read) is
 * trusted only within one epoch, and only while it still owns the partition: Hazelcast tells every member of a
 * migration, but asynchronously, so the owner is checked as well ({@link #ownedHere}).
 */
final class PartitionEpoch implements MembershipListener, MigrationListener {

  /** How long an owner looked up stands within an epoch, in units of 2^20 ns (about a millisecond). */
  private static final long OWNER_CHECK_UNITS = 10;

  /** An owner looked up, with the epoch and the time it was looked up in. */
  private record OwnerCheck(int epoch, long units, Member owner) {}

  private final AtomicInteger epoch = new AtomicInteger(1);
  /** By partition: the last owner looked up. */
  private final AtomicReferenceArray<OwnerCheck> ownerChecks;

  PartitionEpoch(PartitionService partitions) {
    this.ownerChecks = new AtomicReferenceArray<>(partitions.getPartitions().size());
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
   * The member that owns {@code partition} (null while none does): Hazelcast's answer, at most ten milliseconds old
   * and from this epoch. Asking Hazelcast looks the owner's address up among the members, and a message asks several
   * times (where to route it, whether its dedupe ids and state are known here, where to keep it).
   */
  Member owner(Partition partition) {
    int index = partition.getPartitionId();
    int now = epoch.get();
    long units = System.nanoTime() >> 20;
    OwnerCheck check = ownerChecks.get(index);
    if (check != null && check.epoch() == now && units - check.units() < OWNER_CHECK_UNITS) {
      return check.owner();
    }
    Member owner = partition.getOwner();
    ownerChecks.set(index, new OwnerCheck(now, units, owner));
    return owner;
  }

  /** Whether this member owns {@code partition}, as {@link #owner} tells. */
  boolean ownedHere(Partition partition) {
    Member owner = owner(partition);
    return owner != null && owner.localMember();
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
