package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MemoryDeadLetters;
import dev.chatbot.state.Outbox;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A turn's reply costs the outbox map nothing: the turn's journal entry counts its settled replies instead, and that
 * count lives in the journal's synchronous backup, so the member that takes the message over after its handler died
 * replays the turn without sending them again. A reply with some of its calls accepted is written (a replay would
 * send those calls again). Two Hazelcast members in this JVM; the handling one is terminated (Hazelcast's crash:
 * nothing handed over), as {@link Adoption} then claims its entries.
 */
class TurnCountsTest {

  private static final Journal.Bounds BOUNDS = new Journal.Bounds(600_000, 1_000);

  private static final ConversationRef CONVERSATION = ConversationRef.of("messenger", "4711");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private HazelcastInstance handler;
  private HazelcastInstance survivor;
  private Vertx vertx;

  @BeforeEach
  void start() {
    for (int attempt = 1; survivor == null; attempt++) {
      List<Integer> ports = List.of(TestServer.freePort(), TestServer.freePort());
      try {
        handler = Hazelcast.newHazelcastInstance(config(ports, 0));
        survivor = Hazelcast.newHazelcastInstance(config(ports, 1));
      } catch (com.hazelcast.core.HazelcastException e) {
        // A port found free can be taken by another process before Hazelcast binds it: other ports, a few times.
        if (handler != null) {
          handler.getLifecycleService().terminate();
          handler = null;
        }
        if (attempt == 5) {
          throw e;
        }
      }
    }
    vertx = Vertx.vertx();
    awaitTrue("both members see each other", () -> handler.getCluster().getMembers().size() == 2
        && survivor.getCluster().getMembers().size() == 2);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    handler.getLifecycleService().terminate();
    survivor.shutdown();
  }

  @Test
  void aTurnsSettledRepliesSurviveItsHandlersDeathAndAreNotSentAgain() throws Exception {
    Stores first = stores(handler, "handler");
    long message = await(first.inbox().keep(List.of(text("m1")))).get(0).id();

    // The turn's first reply, accepted at its first call: nothing in the outbox map, a count in the journal.
    Outbox.Added accepted = first.outbox().add(CONVERSATION, Reply.text("one"), Outbox.Origin.turn(message, 0));
    await(accepted.written());
    // On an event loop, as delivery calls it: the count is written at the end of the task (its turn is not done).
    io.vertx.core.Promise<Void> sent = io.vertx.core.Promise.promise();
    vertx.runOnContext(tick -> {
      first.outbox().sent(accepted.id());
      sent.complete();
    });
    await(sent.future());
    // Its second reply: one of its two calls accepted, then the handler dies.
    Outbox.Added halfway = first.outbox().add(CONVERSATION, Reply.text("two"), Outbox.Origin.turn(message, 1));
    first.outbox().progress(halfway.id(), 1);
    awaitTrue("the count and the half-sent reply in the cluster", () ->
        settled(survivor, message) == 1 && outbox(survivor).size() == 1);
    handler.getLifecycleService().terminate();
    awaitTrue("the survivor owns the handler's entries (backups promoted)", () ->
        inbox(survivor).localKeySet().size() == 1 && outbox(survivor).localKeySet().size() == 1);

    Stores second = stores(survivor, "survivor");
    Adoption.Adopted adopted = Adoption.claim(second.inbox(), second.outbox(), Set.of("handler"), "survivor",
        conversation -> true);

    assertThat(adopted.messages()).extracting(Inbox.Kept::id).containsExactly(message);
    assertThat(adopted.replies()).extracting(Outbox.Entry::id, Outbox.Entry::callsDone).containsExactly(
        org.assertj.core.groups.Tuple.tuple(halfway.id(), 1));
    assertThat(second.outbox().recordedReplies(message)).as("replies the replay skips").isEqualTo(2);
  }

  @Test
  void aCountNeverBringsBackADoneMessageNorLowersItself() throws Exception {
    IMap<String, Journal> journals = inbox(handler);
    Journal.Apply keep = new Journal.Apply("handler", BOUNDS);
    keep.keep(1, CONVERSATION.key(), "{}");
    keep.keep(2, CONVERSATION.key(), "{\"id\":\"m2\"}");
    journals.executeOnKey("journal:handler:0", keep);
    Journal.Apply done = new Journal.Apply("handler", BOUNDS);
    done.done(1);
    journals.executeOnKey("journal:handler:0", done);
    Journal.Apply late = new Journal.Apply("handler", BOUNDS);
    late.settle(1, 1);
    late.settle(2, 3);
    journals.executeOnKey("journal:handler:0", late);
    Journal.Apply lower = new Journal.Apply("handler", BOUNDS);
    lower.settle(2, 2);
    journals.executeOnKey("journal:handler:0", lower);

    // Read from the other member: what its backup copy would give a member taking over.
    Journal journal = inbox(survivor).get("journal:handler:0");
    assertThat(journal.messages()).containsOnlyKeys(2L);
    Journal.Kept kept = journal.messages().get(2L);
    assertThat(kept.settled).isEqualTo(3);
    assertThat(kept.handler).isEqualTo("handler");
    assertThat(kept.json).isEqualTo("{\"id\":\"m2\"}");

    // Claimed: the count stays; a second claim by a member that did not see the first takes nothing.
    Journal claimed = journals.executeOnKey("journal:handler:0", new Journal.Claim(Set.of("handler"), "survivor",
        Set.of(2L)));
    assertThat(claimed.messages().get(2L).handler).isEqualTo("survivor");
    assertThat(claimed.messages().get(2L).settled).isEqualTo(3);
    assertThat(journals.executeOnKey("journal:handler:0", new Journal.Claim(Set.of("handler"), "other", Set.of(2L)))
        .messages()).isEmpty();

    // What a member that starts reads of the journals: only who handles their messages, from every member.
    assertThat(inbox(survivor).project(new Adoption.Handlers()))
        .containsExactly(new java.util.HashSet<>(Set.of("survivor")));

    // The last message done: the journal is gone.
    Journal.Apply last = new Journal.Apply("survivor", BOUNDS);
    last.done(2);
    journals.executeOnKey("journal:handler:0", last);
    assertThat(journals.containsKey("journal:handler:0")).isFalse();
  }

  private record Stores(ClusterInbox inbox, ClusterOutbox outbox) {}

  private Stores stores(HazelcastInstance member, String self) {
    var ids = member.getFlakeIdGenerator(HazelcastConfigs.IDS);
    ClusterInbox[] inbox = new ClusterInbox[1];
    ClusterOutbox outbox = new ClusterOutbox(vertx, outbox(member), ids, self, new MemoryDeadLetters(),
        (message, settled) -> inbox[0].settled(message, settled));
    var partitions = member.getPartitionService();
    PartitionEpoch epoch = new PartitionEpoch(partitions);
    inbox[0] = new ClusterInbox(vertx, inbox(member), partitions, epoch, ids, self,
        new ClusterStateStore(vertx, member.getMap(HazelcastConfigs.STATE_MAP), partitions, epoch), outbox, BOUNDS);
    return new Stores(inbox[0], outbox);
  }

  /** The settled count of message {@code id} in the journals, as member {@code member} reads them (-1: not there). */
  private static int settled(HazelcastInstance member, long id) {
    return inbox(member).values().stream().map(journal -> journal.messages().get(id))
        .filter(java.util.Objects::nonNull).mapToInt(kept -> kept.settled).findFirst().orElse(-1);
  }

  private static IMap<String, Journal> inbox(HazelcastInstance member) {
    return member.getMap(HazelcastConfigs.INBOX_MAP);
  }

  private static IMap<PartitionAwareKey<Long, String>, String> outbox(HazelcastInstance member) {
    return member.getMap(HazelcastConfigs.OUTBOX_MAP);
  }

  private static Message text(String id) {
    return Message.text(id, CONVERSATION, UserRef.of("messenger", "4711"), "hi");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  /** A member of a two-member cluster on 127.0.0.1, with the product's maps (one synchronous backup each). */
  private static Config config(List<Integer> ports, int index) {
    Config config = new Config().setClusterName("turn-counts-" + ports.get(0));
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().setPort(ports.get(index)).setPortAutoIncrement(false);
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true)
        .setMembers(ports.stream().map(port -> "127.0.0.1:" + port).toList());
    config.addMapConfig(new MapConfig(HazelcastConfigs.INBOX_MAP).setBackupCount(1)
        .setInMemoryFormat(com.hazelcast.config.InMemoryFormat.OBJECT));
    config.addMapConfig(new MapConfig(HazelcastConfigs.OUTBOX_MAP).setBackupCount(1));
    return config;
  }
}
