package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the owner keeps of its partitions' state entries: never something a write replaced, whatever order reads and
 * writes complete in, and nothing across a change of partitions.
 */
class OwnedEntriesTest {

  private HazelcastInstance member;
  private PartitionEpoch epoch;
  private OwnedEntries owned;
  private Partition partition;

  @BeforeEach
  void start() {
    member = LoneMember.start("owned-entries");
    epoch = new PartitionEpoch(member.getPartitionService());
    owned = new OwnedEntries(member.getPartitionService().getPartitions().size(), epoch);
    partition = member.getPartitionService().getPartition("conversation:test:1");
    TestCluster.awaitTrue("the partition has an owner", TestCluster.JOIN_TIMEOUT, () -> partition.getOwner() != null);
  }

  @AfterEach
  void stop() {
    member.shutdown();
  }

  @Test
  void aReadFillsWhatNothingChangedMeanwhile() {
    assertThat(owned.get("k")).isNull();
    owned.read("k", partition, owned.stamp(partition), "{\"n\":1}");
    assertThat(owned.get("k")).isEqualTo("{\"n\":1}");
    owned.read("none", partition, owned.stamp(partition), "");
    assertThat(owned.get("none")).as("no entry, known as such").isEmpty();
  }

  @Test
  void aReadThatAWriteOvertookFillsNothing() {
    long readStarted = owned.stamp(partition);
    owned.wrote("k", partition, owned.stamp(partition), "{\"n\":2}");
    owned.read("k", partition, readStarted, "{\"n\":1}"); // what the map held when the read ran
    assertThat(owned.get("k")).isEqualTo("{\"n\":2}");

    long again = owned.stamp(partition);
    owned.drop("k", partition); // another member wrote it
    owned.read("k", partition, again, "{\"n\":2}");
    assertThat(owned.get("k")).isNull();
  }

  @Test
  void twoWritesUnderWayAtOnceLeaveNothingSinceEitherMayHaveLandedLast() {
    long first = owned.stamp(partition);
    long second = owned.stamp(partition);
    owned.wrote("k", partition, first, "{\"n\":1}");
    assertThat(owned.get("k")).isEqualTo("{\"n\":1}");
    owned.wrote("k", partition, second, "{\"n\":2}");
    assertThat(owned.get("k")).isNull();
  }

  @Test
  void nothingIsTrustedAfterMembersOrPartitionsChanged() {
    owned.read("k", partition, owned.stamp(partition), "{\"n\":1}");
    long stamp = owned.stamp(partition);
    epoch.migrationStarted(null);
    assertThat(owned.get("k")).isNull();
    owned.read("k", partition, stamp, "{\"n\":1}");
    assertThat(owned.get("k")).as("a read from before the change").isNull();
  }
}
