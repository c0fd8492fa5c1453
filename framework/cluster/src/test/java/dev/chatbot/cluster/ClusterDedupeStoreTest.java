package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import dev.chatbot.spi.Settings;
import dev.chatbot.testkit.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster's dedupe store on real Hazelcast members built with the product's configuration: an id remembered
 * through one member is a repeat through another, the bound holds, and the ids survive their partition's owner
 * leaving (the entry moves) or dying (its backup copy is promoted).
 */
class ClusterDedupeStoreTest {

  private final List<HazelcastInstance> members = new ArrayList<>();
  private final Map<HazelcastInstance, ClusterSettings> settingsOf = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    members.forEach(member -> member.getLifecycleService().terminate());
  }

  @Test
  void anIdRememberedThroughOneMemberIsARepeatThroughAnother() throws Exception {
    start(2, Map.of());
    ClusterDedupeStore first = store(members.get(0));
    ClusterDedupeStore second = store(members.get(1));

    assertThat(seen(first, "messenger:m1", "messenger:42")).isTrue();
    assertThat(seen(second, "messenger:m1", "messenger:42")).as("the same id, other member").isFalse();
    assertThat(seen(second, "messenger:m2", "messenger:42")).isTrue();
    assertThat(seen(first, "messenger:m1", "messenger:7")).as("another conversation's partition, first seen").isTrue();
    assertThat(first.firstSeen("slack:Ev1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .as("without a conversation").isTrue();
    assertThat(second.firstSeen("slack:Ev1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isFalse();
  }

  @Test
  void eachPartitionKeepsTwiceItsShareOfTheBoundAndTheNewestIds() throws Exception {
    start(1, Map.of("DEDUPE_MAX_ENTRIES", "100000"));
    ClusterDedupeStore store = store(members.get(0));
    long perPartition = store.perPartition();
    int partitions = members.get(0).getPartitionService().getPartitions().size();
    assertThat(perPartition).as("twice the even share").isEqualTo((200_000 + partitions - 1) / partitions);

    int ids = (int) perPartition * 5;
    for (int i = 0; i < ids; i++) {
      assertThat(seen(store, "whatsapp:wamid." + i, "whatsapp:15550001")).isTrue();
    }
    IMap<String, SeenIds> map = members.get(0).getMap(HazelcastConfigs.DEDUPE_MAP);
    assertThat(map.size()).as("one entry for the one partition used").isEqualTo(1);
    assertThat(map.values().iterator().next().size()).isLessThanOrEqualTo(2 * perPartition);
    for (int i = ids - (int) perPartition; i < ids; i++) {
      assertThat(seen(store, "whatsapp:wamid." + i, "whatsapp:15550001")).as("one of the newest").isFalse();
    }
    assertThat(seen(store, "whatsapp:wamid.0", "whatsapp:15550001")).as("long forgotten").isTrue();
  }

  @Test
  void theIdsOfAPartitionSurviveItsOwnerLeavingAndItsOwnerDying() throws Exception {
    start(3, Map.of());
    List<String> conversations = IntStream.range(0, 40).mapToObj(i -> "messenger:user" + i).toList();
    ClusterDedupeStore through = store(members.get(0));
    for (String conversation : conversations) {
      assertThat(seen(through, "messenger:mid-" + conversation, conversation)).isTrue();
    }

    // Leaving: the partitions and their entries move to the others (SeenIds serialised whole).
    HazelcastInstance leaving = ownerOfSomeButNotAll(conversations);
    members.remove(leaving);
    leaving.shutdown();
    assertAllRepeats(conversations);

    // Dying: a write with a synchronous backup follows each id in its partition, so the id's asynchronous copy is on
    // the backup member before the write is acknowledged; then the owner is killed.
    List<String> later = IntStream.range(40, 80).mapToObj(i -> "messenger:user" + i).toList();
    ClusterDedupeStore survivor = store(members.get(0));
    IMap<PartitionAwareKey<String, String>, String> inbox = members.get(0).getMap("kept-after-the-id");
    for (String conversation : later) {
      assertThat(seen(survivor, "messenger:mid-" + conversation, conversation)).isTrue();
      inbox.set(new PartitionAwareKey<>("x", ClusterOwnership.STATE_KEY_PREFIX + conversation), "kept");
    }
    HazelcastInstance dying = ownerOfSomeButNotAll(later);
    members.remove(dying);
    dying.getLifecycleService().terminate();
    assertAllRepeats(conversations);
    assertAllRepeats(later);
  }

  @Test
  void anIdForgottenBecauseItsMessageWasNotKeptIsNewAgainOnEveryMember() throws Exception {
    start(2, Map.of());
    ClusterDedupeStore one = store(members.get(0));
    ClusterDedupeStore two = store(members.get(1));
    assertThat(seen(one, "messenger:mid-x", "messenger:user1")).isTrue();
    assertThat(seen(two, "messenger:mid-x", "messenger:user1")).isFalse();
    two.forget("messenger:mid-x", "messenger:user1").toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    assertThat(seen(one, "messenger:mid-x", "messenger:user1")).as("the redelivery counts as new").isTrue();
    assertThat(seen(two, "messenger:mid-x", "messenger:user1")).isFalse();
  }

  private void assertAllRepeats(List<String> conversations) throws Exception {
    ClusterDedupeStore store = store(members.get(0));
    for (String conversation : conversations) {
      assertThat(seen(store, "messenger:mid-" + conversation, conversation)).as("repeat in " + conversation).isFalse();
    }
  }

  /** A member other than the first that owns some of the conversations' partitions (each member owns about a third). */
  private HazelcastInstance ownerOfSomeButNotAll(List<String> conversations) {
    Member reader = members.get(0).getCluster().getLocalMember();
    Member owner = conversations.stream()
        .map(conversation -> members.get(0).getPartitionService()
            .getPartition(ClusterOwnership.STATE_KEY_PREFIX + conversation).getOwner())
        .filter(member -> !member.equals(reader)).findFirst().orElseThrow();
    return members.stream().filter(member -> member.getCluster().getLocalMember().equals(owner)).findFirst()
        .orElseThrow();
  }

  private static boolean seen(ClusterDedupeStore store, String id, String conversation) throws Exception {
    return store.firstSeenStage(id, conversation).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private ClusterDedupeStore store(HazelcastInstance member) {
    ClusterSettings settings = settingsOf.get(member);
    return new ClusterDedupeStore(member.getMap(HazelcastConfigs.DEDUPE_MAP), member.getPartitionService(),
        settings.dedupeWindow(), settings.dedupeMaxEntries());
  }

  private void start(int size, Map<String, String> env) {
    List<Integer> ports = IntStream.range(0, size).mapToObj(i -> TestServer.freePort()).toList();
    String list = ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    List<CompletableFuture<HazelcastInstance>> starting = ports.stream()
        .map(port -> CompletableFuture.supplyAsync(() -> startMember(port, list, env))).toList();
    starting.forEach(member -> members.add(member.join()));
    TestCluster.awaitTrue("the members see each other", TestCluster.JOIN_TIMEOUT,
        () -> members.stream().allMatch(member -> member.getCluster().getMembers().size() == size
            && member.getPartitionService().isClusterSafe()));
  }

  private HazelcastInstance startMember(int port, String list, Map<String, String> env) {
    Map<String, String> variables = new HashMap<>(env);
    variables.put("CLUSTER_PORT", String.valueOf(port));
    variables.put("CLUSTER_MEMBERS", list);
    ClusterSettings settings = ClusterSettings.from(Settings.of(variables));
    HazelcastInstance member = Hazelcast.newHazelcastInstance(
        HazelcastConfigs.build(settings).setClusterName("dedupe-test-" + list));
    settingsOf.put(member, settings);
    return member;
  }
}
