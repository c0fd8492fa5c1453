package dev.chatbot.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A count of the moments partitions may have changed owner: a member joined or left, or a migration started or
 * finished. What a member keeps in memory about the partitions it owns (the dedupe ids, the state it read) is
 * trusted only within one epoch, and only while it still owns the partition: Hazelcast tells every member of a
 * migration, but asynchronously, so the owner is checked as well.
 */
final class PartitionEpoch implements MembershipListener, MigrationListener {

  private final AtomicInteger epoch = new AtomicInteger(1);

  /** Starts counting the changes of {@code hazelcast}'s members and partitions. */
  PartitionEpoch watch(HazelcastInstance hazelcast) {
    hazelcast.getCluster().addMembershipListener(this);
    hazelcast.getPartitionService().addMigrationListener(this);
    return this;
  }

  int current() {
    return epoch.get();
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
