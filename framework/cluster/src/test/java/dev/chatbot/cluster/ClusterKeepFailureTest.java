package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapStore;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MemoryDeadLetters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A message whose journal write fails is not acknowledged, and its id is forgotten again, so the platform's
 * redelivery is handled rather than taken for a repeat. The journal map here has a store that refuses every write,
 * which fails the entry processor as a real failure would.
 */
class ClusterKeepFailureTest {

  private static final Message MESSAGE = Message.text("mid.1", ConversationRef.of("messenger", "4711"),
      UserRef.of("messenger", "4711"), "hello");

  private HazelcastInstance member;
  private Vertx vertx;

  @BeforeEach
  void start() {
    member = LoneMember.start("keep-failure",
        new MapConfig(HazelcastConfigs.INBOX_MAP).setInMemoryFormat(InMemoryFormat.OBJECT)
            .setMapStoreConfig(new MapStoreConfig().setEnabled(true).setWriteDelaySeconds(0)
                .setImplementation(new RefusingStore())));
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    member.shutdown();
  }

  @Test
  void aMessageWhoseJournalWriteFailsHasItsIdForgotten() throws Exception {
    var ids = member.getFlakeIdGenerator(HazelcastConfigs.IDS);
    ClusterOutbox outbox = new ClusterOutbox(vertx, member.getMap(HazelcastConfigs.OUTBOX_MAP), ids, "self",
        new MemoryDeadLetters(), (message, settled) -> { });
    Journal.Bounds bounds = ClusterDedupeStore.bounds(Duration.ofMinutes(10), 100_000, 271);
    var partitions = member.getPartitionService();
    PartitionEpoch epoch = new PartitionEpoch(partitions);
    ClusterInbox inbox = new ClusterInbox(vertx, member.getMap(HazelcastConfigs.INBOX_MAP), partitions, epoch, ids,
        "self", new ClusterStateStore(vertx, member.getMap(HazelcastConfigs.STATE_MAP), partitions, epoch), outbox,
        bounds);
    ClusterDedupeStore dedupe = new ClusterDedupeStore(vertx, inbox, partitions, epoch, bounds);

    Promise<List<Inbox.Kept>> kept = Promise.promise();
    vertx.runOnContext(task -> inbox.keepFirstSeen(MESSAGE, "messenger:mid.1", dedupe).onComplete(kept));
    Future<List<Inbox.Kept>> outcome = kept.future();
    try {
      outcome.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException expected) {
      // the journal refused it
    }
    assertThat(outcome.failed()).as("not kept, so not acknowledged").isTrue();
    assertThat(inbox.handles(1)).isFalse();
    assertThat(dedupe.firstSeen("messenger:mid.1", MESSAGE.conversation().key()).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS)).as("the redelivery counts as new").isTrue();
  }

  /** Refuses every write, as a store whose disk failed would. */
  private static final class RefusingStore implements MapStore<String, Journal> {
    @Override
    public void store(String key, Journal value) {
      throw new IllegalStateException("refused");
    }

    @Override
    public void storeAll(Map<String, Journal> map) {
      throw new IllegalStateException("refused");
    }

    @Override
    public void delete(String key) {}

    @Override
    public void deleteAll(Collection<String> keys) {}

    @Override
    public Journal load(String key) {
      return null;
    }

    @Override
    public Map<String, Journal> loadAll(Collection<String> keys) {
      return Map.of();
    }

    @Override
    public Iterable<String> loadAllKeys() {
      return null;
    }
  }
}
