package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member's journal writes: what one event-loop task keeps, counts or finishes is one write, however many messages
 * it is for; what comes while a write is under way goes in the next one, in order.
 */
class JournalWriterTest {

  private static final String KEY = "journal:test:0";
  private static final Journal.Bounds BOUNDS = new Journal.Bounds(600_000, 1_000);

  private HazelcastInstance hazelcast;
  private Vertx vertx;
  private IMap<String, Journal> map;
  private JournalWriter writer;

  @BeforeEach
  void start() {
    hazelcast = LoneMember.start("journal-test",
        new MapConfig(HazelcastConfigs.INBOX_MAP).setInMemoryFormat(InMemoryFormat.OBJECT));
    vertx = Vertx.vertx();
    map = hazelcast.getMap(HazelcastConfigs.INBOX_MAP);
    writer = new JournalWriter(vertx, map, KEY, "test", BOUNDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    hazelcast.shutdown();
  }

  @Test
  void theChangesOfOneEventLoopTaskAreOneWrite() throws Exception {
    inOneTask(id -> writer.keep(id, "test:c" + id, "{\"id\":\"m" + id + "\"}"));
    assertThat(writes()).as("writes for 50 messages kept in one task").isEqualTo(1);
    assertThat(map.get(KEY).messages()).hasSize(50);
    assertThat(map.get(KEY).messages().keySet()).as("in the order kept").startsWith(1L, 2L, 3L);

    vertx.runOnContext(task -> {
      for (long id = 1; id <= 50; id++) {
        writer.settle(id, 1);
      }
    });
    inOneTask(writer::done);
    // The counts and the removals of the same messages: at most two writes (the counts are moot once removed).
    assertThat(writes()).as("writes after counting and finishing them").isBetween(2L, 3L);
    assertThat(map.containsKey(KEY)).as("an empty journal is no entry").isFalse();
  }

  @Test
  void whatComesWhileAWriteIsUnderWayGoesInTheNextInOrder() throws Exception {
    // Each keep followed at once by its removal, from separate tasks: whichever write carries which, a removal never
    // lands before its keep, so nothing is left behind.
    List<Future<Void>> all = new ArrayList<>();
    Promise<Void> issued = Promise.promise();
    vertx.runOnContext(first -> {
      for (long id = 1; id <= 200; id++) {
        long message = id;
        vertx.runOnContext(task -> all.add(writer.keep(message, "test:c", "{}").compose(kept -> writer.done(message))));
      }
      vertx.runOnContext(last -> issued.complete());
    });
    await(issued.future());
    await(vertx.executeBlocking(() -> null).compose(ignored -> Future.all(all)));
    assertThat(map.containsKey(KEY)).isFalse();
    assertThat(writes()).as("writes for 200 keeps and 200 removals").isLessThan(400);
  }

  @Test
  void idsGoWithTheKeepsOfTheSameTaskAndOutliveTheirMessagesByTwoWindowsAtMost() throws Exception {
    JournalWriter brief = new JournalWriter(vertx, map, "journal:test:brief", "test", new Journal.Bounds(1_000, 1_000));
    inOneTask(id -> {
      brief.seen(7, 1_000 + id);
      return brief.keep(id, "test:c" + id, "{}");
    });
    assertThat(writes()).as("writes for 50 ids and their messages").isEqualTo(1);
    var read = map.project(new Journal.SeenIn(java.util.Set.of(7, 8), System.currentTimeMillis()));
    assertThat(read).hasSize(1);
    assertThat(read.iterator().next().get(7)).as("the ids of partition 7").hasSize(50).contains(1_001L, 1_050L);

    Thread.sleep(2_100); // two windows: its ids outlived (Hazelcast keeps expiry times in whole seconds)
    assertThat(map.get("journal:test:brief").messages()).as("messages in flight never expire").hasSize(50);
    inOneTask(brief::done);
    assertThat(map.get("journal:test:brief")).as("outlived ids are dropped with the next write").isNull();

    inOneTask(id -> {
      brief.seen(7, 2_000 + id);
      return brief.keep(id, "test:c" + id, "{}");
    });
    inOneTask(brief::done);
    assertThat(map.get("journal:test:brief").seenIds()).as("ids outlive their messages").isEqualTo(50);
    TestCluster.awaitTrue("the idle journal expired", java.time.Duration.ofSeconds(10),
        () -> map.get("journal:test:brief") == null);
  }

  /** Calls {@code change} for ids 1 to 50 within one event-loop task, and waits for all of them. */
  private void inOneTask(Function<Long, Future<Void>> change) throws Exception {
    Promise<Void> done = Promise.promise();
    vertx.runOnContext(task -> {
      List<Future<Void>> changes = new ArrayList<>();
      for (long id = 1; id <= 50; id++) {
        changes.add(change.apply(id));
      }
      Future.all(changes).<Void>mapEmpty().onComplete(done);
    });
    await(done.future());
  }

  /** The entry processor runs that changed the journal (Hazelcast counts each as a put, or a removal). */
  private long writes() {
    var stats = map.getLocalMapStats();
    return stats.getPutOperationCount() + stats.getSetOperationCount() + stats.getRemoveOperationCount();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
