package dev.chatbot.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import dev.chatbot.model.Message;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The inbox in the cluster: each message acknowledged is in this member's journal, an entry of a distributed map with
 * its synchronous backup on another member, before the webhook's {@code 200}, and leaves it once its turn is done.
 * The journal names the member handling each message, so when that member dies the conversation's new owner takes it
 * over ({@link Adoption}).
 *
 * <p>One journal entry per member, not one entry per message: what the member keeps, counts and finishes in one
 * moment, and the event ids it saw first ({@link ClusterDedupeStore}), is one operation with one backup round trip
 * ({@link JournalWriter}), where per-message entries cost two operations and two round trips each (bench/README.md,
 * session 15). The journal's key is chosen in a partition
 * this member owns, so the operation itself is local; when the partitions move, new messages go to a new key.
 *
 * <p>While the turn runs, the journal also counts the turn's settled replies ({@link #settled}): the outbox writes a
 * reply only when a takeover could not make it again by replaying the turn (see {@link ClusterOutbox}).
 *
 * <p>Unlike the file store, saving a turn's state and forgetting its message are two operations: a member killed
 * between them leaves a message whose state change is saved, and the new owner handles it again (its replies are not
 * sent again: the journal still counts them).
 */
final class ClusterInbox implements Inbox {

  private static final String KEY_PREFIX = "journal:";

  private final IMap<String, Journal> map;
  private final PartitionService partitions;
  private final PartitionEpoch epoch;
  private final FlakeIdGenerator ids;
  private final String self;
  private final StateStore stateStore;
  private final ClusterOutbox outbox;
  private final Vertx vertx;
  private final Journal.Bounds bounds;
  /** Messages this member handles: inbox id to the writer of the journal it is in. */
  private final ConcurrentMap<Long, JournalWriter> handled = new ConcurrentHashMap<>();
  /** Writers by journal key: this member's own, and those of departed members it took messages over from. */
  private final ConcurrentMap<String, JournalWriter> writers = new ConcurrentHashMap<>();
  /** Where new messages go, and the partition of its key. */
  private volatile JournalWriter current;
  private volatile Partition currentPartition;
  private int nextKey;
  /** When a partition of this member's was last looked for: not again for a second if none was found. */
  private volatile long searchedAt;
  private static final long SEARCH_EVERY_NANOS = 1_000_000_000L;

  ClusterInbox(Vertx vertx, IMap<String, Journal> map, PartitionService partitions, PartitionEpoch epoch,
      FlakeIdGenerator ids, String self, StateStore stateStore, ClusterOutbox outbox, Journal.Bounds bounds) {
    this.epoch = epoch;
    this.vertx = vertx;
    this.bounds = bounds;
    this.map = map;
    this.partitions = partitions;
    this.ids = ids;
    this.self = self;
    this.stateStore = stateStore;
    this.outbox = outbox;
  }

  @Override
  public Future<List<Kept>> keep(List<Message> messages) {
    List<Kept> kept = new ArrayList<>(messages.size());
    List<Future<Void>> writes = new ArrayList<>(messages.size());
    JournalWriter writer = writer();
    for (Message message : messages) {
      long id = ids.newId();
      handled.put(id, writer);
      kept.add(new Kept(id, message));
      writes.add(writer.keep(id, message.conversation().key(), MessageJson.encode(message).encode()));
    }
    return Future.all(writes).map(kept).onFailure(notKept -> kept.forEach(entry -> handled.remove(entry.id())));
  }

  /**
   * State first, then the message: a kill in between handles the message again rather than losing its state. The
   * turn's count of settled replies still waiting to be written ({@link #settled}) is written before the state, or,
   * when there is no state to save, goes with the removal, which makes it moot.
   */
  @Override
  public Future<Void> done(long id, Map<String, JsonObject> changes) {
    JournalWriter writer = handled.get(id);
    Future<Void> saved = Future.succeededFuture();
    if (!changes.isEmpty()) {
      Future<Void> counted = writer == null ? Future.succeededFuture() : writer.settleWritten(id);
      saved = counted.compose(count -> Future.all(changes.entrySet().stream()
          .map(change -> stateStore.put(change.getKey(), change.getValue())).toList()).mapEmpty());
    }
    return saved.compose(state -> writer == null ? Future.<Void>succeededFuture()
            // Known here until it is gone from the journal, so a scan never takes it for a lost one.
            : writer.done(id).onSuccess(removed -> handled.remove(id)))
        .compose(forgotten -> outbox.forgetTurn(id));
  }

  /** Nothing at start: a member that joins has no messages of its own; those of a dead member are adopted. */
  @Override
  public List<Kept> pending() {
    return List.of();
  }

  @Override
  public Future<Void> forget(String platform, String userId) {
    return vertx.executeBlocking(() -> {
      map.executeOnEntries(new Journal.ForgetUser(platform, userId));
      return null;
    });
  }

  /**
   * {@code settled} replies of the turn of message {@code id} were accepted (or became dead letters): recorded in its
   * journal with the next write, so a member that takes the message over does not send them again. A removal in the
   * same write makes it moot, so the usual one-reply turn writes no count. A kill before it lands is the duplicate
   * of a call in flight (docs/cluster.md).
   */
  void settled(long id, int settled) {
    JournalWriter writer = handled.get(id);
    if (writer != null) {
      writer.settle(id, settled);
    }
  }

  /**
   * Event id {@code fingerprint} of conversation partition {@code partition} was seen first here: recorded in this
   * member's journal with the next write, which holds the keep of its message when that is asked for in the same
   * event-loop task (as {@link #keepFirstSeen} does), so the webhook's {@code 200} waits for the id too.
   */
  void seen(int partition, long fingerprint) {
    writer().seen(partition, fingerprint);
  }

  /** A message taken over from a member that left: this member now handles it, and replays skip what it settled. */
  Kept adopt(String journal, long id, Journal.Kept kept) {
    handled.put(id, writers.computeIfAbsent(journal, key -> new JournalWriter(vertx, map, key, self, bounds)));
    outbox.recorded(id, kept.settled);
    return new Kept(id, MessageJson.decode(new JsonObject(kept.json)));
  }

  /** True while this member handles inbox message {@code id}. */
  boolean handles(long id) {
    return handled.containsKey(id);
  }

  IMap<String, Journal> map() {
    return map;
  }

  /**
   * The writer of the journal new messages go to: in a partition this member owns, so its writes are local but for
   * their backups. A new key when the partitions moved; the messages in the old one stay there until done.
   */
  private JournalWriter writer() {
    JournalWriter writer = current;
    if (writer != null && (epoch.ownedHere(currentPartition) || System.nanoTime() - searchedAt < SEARCH_EVERY_NANOS)) {
      return writer;
    }
    synchronized (this) {
      if (current != writer) {
        return current; // another thread chose one meanwhile
      }
      searchedAt = System.nanoTime();
      // Each try lands in one of the partitions at random: a member owning a share of them finds one in a few.
      for (int tries = 0; tries < 1_000; tries++) {
        String key = KEY_PREFIX + self + ':' + nextKey++;
        Partition partition = partitions.getPartition(key);
        if (epoch.ownedHere(partition) || (current == null && tries == 999)) {
          current = writers.computeIfAbsent(key, k -> new JournalWriter(vertx, map, k, self, bounds));
          currentPartition = partition;
          break;
        }
      }
      return current;
    }
  }
}
