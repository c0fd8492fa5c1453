package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.Settings;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MemoryDeadLetters;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster's dedupe store on real Hazelcast members built with the product's configuration, each with the inbox
 * whose journal holds its ids: the owner of a conversation recognises a repeat from memory and any other member from
 * the journals, the bound holds, and the ids survive their owner leaving (its journal moves) or dying (its journal's
 * backup copy is promoted), read again by the member that owns their partition next.
 */
class ClusterDedupeStoreTest {

  private final List<HazelcastInstance> members = new ArrayList<>();
  private final Map<HazelcastInstance, Stores> storesOf = new ConcurrentHashMap<>();
  private final Vertx vertx = Vertx.vertx();

  private record Stores(ClusterInbox inbox, ClusterDedupeStore dedupe) {}

  @AfterEach
  void stop() throws Exception {
    members.forEach(member -> member.getLifecycleService().terminate());
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theOwnerRecognisesARepeatFromMemoryAndAnotherMemberFromTheJournals() throws Exception {
    start(2, Map.of());
    String conversation = "messenger:42";
    HazelcastInstance owner = ownerOf(conversation);
    HazelcastInstance other = members.stream().filter(member -> member != owner).findFirst().orElseThrow();

    assertThat(kept(owner, "m1", conversation)).isTrue();
    int writes = journalWrites();
    assertThat(kept(owner, "m1", conversation)).as("the same id again, through its owner").isFalse();
    assertThat(journalWrites()).as("a repeat writes nothing").isEqualTo(writes);
    assertThat(kept(other, "m1", conversation)).as("the same id, through the other member").isFalse();
    assertThat(kept(other, "m2", conversation)).isTrue();
    assertThat(kept(owner, "m1", "messenger:7")).as("another conversation, first seen").isTrue();
    assertThat(await(stores(other).dedupe().firstSeen("slack:Ev1"))).as("without a conversation").isTrue();
  }

  @Test
  void aMemberCheckingIdsOfPartitionsItDoesNotOwnReadsTheJournalsOnceForAllItAskedMeanwhile() throws Exception {
    start(2, Map.of());
    List<String> conversations = IntStream.range(0, 60).mapToObj(i -> "messenger:user" + i).toList();
    for (String conversation : conversations) {
      assertThat(kept(ownerOf(conversation), "mid-" + conversation, conversation)).isTrue();
    }
    HazelcastInstance standIn = members.get(0);
    List<String> elsewhere = conversations.stream().filter(conversation -> ownerOf(conversation) != standIn).toList();
    assertThat(elsewhere).as("conversations owned by the other member").hasSizeGreaterThan(10);
    ClusterDedupeStore store = stores(standIn).dedupe();
    int before = store.reads();
    List<Boolean> first = await(onContext(() -> Future.all(elsewhere.stream()
        .map(conversation -> store.firstSeen("messenger:mid-" + conversation, conversation)).toList())
        .map(all -> all.<Boolean>list())));
    assertThat(first).as("every one a repeat, read from the other member's journal").containsOnly(false);
    assertThat(store.reads() - before).as("reads of the journals for " + elsewhere.size() + " checks")
        .isBetween(1, 2);
  }

  @Test
  void anIdAndTheKeepOfItsMessageAreOneJournalWrite() throws Exception {
    start(1, Map.of());
    HazelcastInstance member = members.get(0);
    kept(member, "warm-up", "messenger:1"); // the first check reads the journals
    int before = journalWrites();
    assertThat(kept(member, "m1", "messenger:1")).isTrue();
    assertThat(journalWrites() - before).as("writes for an id and its message").isEqualTo(1);
  }

  @Test
  void eachPartitionKeepsTwiceItsShareOfTheBoundAndTheNewestIds() throws Exception {
    start(1, Map.of("DEDUPE_MAX_ENTRIES", "100000"));
    ClusterDedupeStore store = stores(members.get(0)).dedupe();
    long perPartition = store.perPartition();
    int partitions = members.get(0).getPartitionService().getPartitions().size();
    assertThat(perPartition).as("twice the even share").isEqualTo((200_000 + partitions - 1) / partitions);

    int ids = (int) perPartition * 5;
    for (int i = 0; i < ids; i++) {
      assertThat(seen(store, "whatsapp:wamid." + i, "whatsapp:15550001")).isTrue();
    }
    for (int i = ids - (int) perPartition; i < ids; i++) {
      assertThat(seen(store, "whatsapp:wamid." + i, "whatsapp:15550001")).as("one of the newest").isFalse();
    }
    assertThat(seen(store, "whatsapp:wamid.0", "whatsapp:15550001")).as("long forgotten").isTrue();
    TestCluster.awaitTrue("the ids written", TestCluster.JOIN_TIMEOUT, () -> journals(members.get(0)).values()
        .stream().mapToLong(journal -> journal.seenIds()).sum() > 0);
    assertThat(journals(members.get(0)).values()).allSatisfy(journal ->
        assertThat(journal.seenIds()).as("ids in the journal").isLessThanOrEqualTo(2 * perPartition));
  }

  @Test
  void theIdsOfAPartitionSurviveItsOwnerLeavingAndItsOwnerDying() throws Exception {
    start(3, Map.of());
    List<String> conversations = IntStream.range(0, 40).mapToObj(i -> "messenger:user" + i).toList();
    for (String conversation : conversations) {
      assertThat(kept(ownerOf(conversation), "mid-" + conversation, conversation)).isTrue();
    }

    // Leaving: its journal moves to the others with its partitions.
    HazelcastInstance leaving = ownerOfSomeButNotAll(conversations);
    members.remove(leaving);
    leaving.shutdown();
    awaitSafe();
    assertAllRepeats(conversations);

    // Dying: the journal write that holds an id has its synchronous backup before the keep completes.
    List<String> later = IntStream.range(40, 80).mapToObj(i -> "messenger:user" + i).toList();
    for (String conversation : later) {
      assertThat(kept(ownerOf(conversation), "mid-" + conversation, conversation)).isTrue();
    }
    HazelcastInstance dying = ownerOfSomeButNotAll(later);
    members.remove(dying);
    dying.getLifecycleService().terminate();
    awaitSafe();
    assertAllRepeats(conversations);
    assertAllRepeats(later);
  }

  @Test
  void anIdForgottenBecauseItsMessageWasNotKeptIsNewAgain() throws Exception {
    start(1, Map.of());
    ClusterDedupeStore store = stores(members.get(0)).dedupe();
    assertThat(seen(store, "messenger:mid-x", "messenger:user1")).isTrue();
    assertThat(seen(store, "messenger:mid-x", "messenger:user1")).isFalse();
    await(store.forget("messenger:mid-x", "messenger:user1"));
    assertThat(seen(store, "messenger:mid-x", "messenger:user1")).as("the redelivery counts as new").isTrue();
  }

  private void assertAllRepeats(List<String> conversations) throws Exception {
    for (String conversation : conversations) {
      assertThat(kept(ownerOf(conversation), "mid-" + conversation, conversation)).as("repeat in " + conversation)
          .isFalse();
    }
  }

  /** Whether the message with event id {@code id} is kept through {@code member}'s inbox, as the dispatcher does. */
  private boolean kept(HazelcastInstance member, String id, String conversation) throws Exception {
    String user = conversation.substring(conversation.indexOf(':') + 1);
    Message message = Message.text(id, ConversationRef.of("messenger", user), UserRef.of("messenger", user), "hi");
    Stores stores = stores(member);
    List<Inbox.Kept> kept = await(onContext(
        () -> stores.inbox().keepFirstSeen(message, "messenger:" + id, stores.dedupe())));
    return !kept.isEmpty();
  }

  private boolean seen(ClusterDedupeStore store, String id, String conversation) throws Exception {
    return await(onContext(() -> store.firstSeen(id, conversation)));
  }

  private <T> Future<T> onContext(Supplier<Future<T>> call) {
    Promise<T> promise = Promise.promise();
    vertx.runOnContext(task -> call.get().onComplete(promise));
    return promise.future();
  }

  private int journalWrites() {
    return members.stream().mapToInt(member -> {
      var stats = journals(member).getLocalMapStats();
      return (int) (stats.getPutOperationCount() + stats.getSetOperationCount() + stats.getRemoveOperationCount());
    }).sum();
  }

  /** The member owning the conversation's partition (partitions are assigned on their first use: waits for it). */
  private HazelcastInstance ownerOf(String conversation) {
    var partition = members.get(0).getPartitionService().getPartition(ClusterOwnership.STATE_KEY_PREFIX + conversation);
    TestCluster.awaitTrue("the partition has an owner", TestCluster.JOIN_TIMEOUT, () -> partition.getOwner() != null);
    Member owner = partition.getOwner();
    return members.stream().filter(member -> member.getCluster().getLocalMember().getUuid().equals(owner.getUuid()))
        .findFirst().orElseThrow();
  }

  /** A member other than the first that owns some of the conversations' partitions (each member owns about a third). */
  private HazelcastInstance ownerOfSomeButNotAll(List<String> conversations) {
    return conversations.stream().map(this::ownerOf).filter(member -> member != members.get(0)).findFirst()
        .orElseThrow();
  }

  private Stores stores(HazelcastInstance member) {
    return storesOf.get(member);
  }

  private static IMap<String, Journal> journals(HazelcastInstance member) {
    return member.getMap(HazelcastConfigs.INBOX_MAP);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private void awaitSafe() {
    TestCluster.awaitTrue("the partitions settled", TestCluster.JOIN_TIMEOUT,
        () -> members.stream().allMatch(member -> member.getPartitionService().isClusterSafe()));
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
    String self = member.getCluster().getLocalMember().getUuid().toString();
    var partitions = member.getPartitionService();
    var ids = member.getFlakeIdGenerator(HazelcastConfigs.IDS);
    Journal.Bounds bounds = ClusterDedupeStore.bounds(settings.dedupeWindow(), settings.dedupeMaxEntries(),
        partitions.getPartitions().size());
    ClusterOutbox outbox = new ClusterOutbox(vertx, member.getMap(HazelcastConfigs.OUTBOX_MAP), ids, self,
        new MemoryDeadLetters(), (message, settled) -> { });
    PartitionEpoch epoch = new PartitionEpoch(partitions).watch(member);
    ClusterInbox inbox = new ClusterInbox(vertx, journals(member), partitions, epoch, ids, self,
        new ClusterStateStore(vertx, member.getMap(HazelcastConfigs.STATE_MAP), partitions, epoch), outbox, bounds);
    storesOf.put(member, new Stores(inbox, new ClusterDedupeStore(vertx, inbox, partitions, epoch, bounds)));
    return member;
  }
}
