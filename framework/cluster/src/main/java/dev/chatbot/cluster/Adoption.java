package dev.chatbot.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.partition.ReplicaMigrationEvent;
import com.hazelcast.projection.Projection;
import dev.chatbot.server.Lifecycle;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.Outbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.io.Serial;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the messages and replies of members that left the cluster without finishing them (killed, or out of
 * shutdown grace). Each member claims the departed members' messages of the conversations it now owns from their
 * journals ({@link Journal.Claim}), and their replies from the outbox entries in its own partitions ({@link Claim}),
 * both atomic, so never two claimants, and hands them to the server as a restart would: the replies are sent first,
 * then the messages handled, each conversation in order.
 *
 * <p>It scans when a member leaves, when partitions finished moving (the backups promoted), and every few seconds in
 * case a scan ran while the partitions were still moving. A scan reads the journals that hold a departed member's
 * messages and this member's own outbox partitions.
 */
final class Adoption implements MembershipListener, MigrationListener {

  private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);
  static final long SCAN_MILLIS = 5_000;

  private final Vertx vertx;
  private final HazelcastClusterManager clusterManager;
  private final ClusterInbox inbox;
  private final ClusterOutbox outbox;
  private final BiConsumer<List<Inbox.Kept>, List<Outbox.Entry>> resume;
  private final Predicate<String> owns;
  private final Set<String> departed = ConcurrentHashMap.newKeySet();
  private final WorkerExecutor worker;
  private final AtomicBoolean scanning = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  /** Hand-offs of adopted work to the server: a leaving member takes none, and stopping waits for one under way. */
  private final Lifecycle handing = new Lifecycle();
  private long timer;
  private UUID membershipListener;
  private UUID migrationListener;

  /** {@code owns}: whether this member owns a conversation (by key), so it takes over that conversation's messages. */
  Adoption(Vertx vertx, HazelcastClusterManager clusterManager, ClusterInbox inbox, ClusterOutbox outbox,
      Predicate<String> owns, BiConsumer<List<Inbox.Kept>, List<Outbox.Entry>> resume) {
    this.owns = owns;
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.inbox = inbox;
    this.outbox = outbox;
    this.resume = resume;
    this.worker = vertx.createSharedWorkerExecutor("chatbot-adoption", 1);
  }

  /**
   * Starts watching. Entries already handled by nodes that are not members now belong to members that left before
   * this one joined: they count as departed too.
   */
  void start() {
    HazelcastInstance hazelcast = clusterManager.getHazelcastInstance();
    membershipListener = hazelcast.getCluster().addMembershipListener(this);
    migrationListener = hazelcast.getPartitionService().addMigrationListener(this);
    worker.executeBlocking(() -> {
      Set<String> handlers = new HashSet<>();
      inbox.map().project(new Handlers()).forEach(handlers::addAll);
      outbox.map().values().forEach(value -> handlers.add(Work.handler(value)));
      // Read after the entries: a member that wrote one had joined, so it is listed unless it left.
      handlers.removeAll(clusterManager.getNodes());
      departed.addAll(handlers);
      return null;
    }).onComplete(noted -> scan());
    timer = vertx.setPeriodic(SCAN_MILLIS, tick -> scan());
  }

  /**
   * Graceful shutdown: adopts nothing more, and completes once no adopted work is being handed to the server, so
   * the server's wait for its dispatcher to be idle counts everything it took. What a scan claims from now on is left
   * to the others: its entries name this member, which they adopt from once it has left.
   */
  Future<Void> stop() {
    handing.stopAccepting();
    vertx.cancelTimer(timer);
    HazelcastInstance hazelcast = clusterManager.getHazelcastInstance();
    hazelcast.getCluster().removeMembershipListener(membershipListener);
    hazelcast.getPartitionService().removeMigrationListener(migrationListener);
    return handing.drained().eventually(worker::close);
  }

  @Override
  public void memberAdded(MembershipEvent event) {}

  @Override
  public void memberRemoved(MembershipEvent event) {
    String node = ClusterOwnership.nodeId(event.getMember());
    if (node != null) {
      departed.add(node);
      scan();
    }
  }

  @Override
  public void migrationStarted(MigrationState state) {}

  @Override
  public void migrationFinished(MigrationState state) {
    if (!departed.isEmpty()) {
      scan();
    }
  }

  @Override
  public void replicaMigrationCompleted(ReplicaMigrationEvent event) {}

  @Override
  public void replicaMigrationFailed(ReplicaMigrationEvent event) {}

  /** One scan at a time; a scan asked for while one runs runs after it. */
  void scan() {
    if (departed.isEmpty() || !handing.accepting()) {
      return;
    }
    if (!scanning.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    worker.executeBlocking(this::claim).onComplete(claimed -> {
      scanning.set(false);
      if (claimed.failed()) {
        LOG.warn("cluster adoption scan failed error=\"{}\"", claimed.cause().getMessage());
      } else if (!claimed.result().isEmpty()) {
        vertx.runOnContext(v -> handOver(claimed.result()));
      }
      if (again.getAndSet(false)) {
        scan();
      }
    });
  }

  private void handOver(Adopted adopted) {
    if (!handing.enter()) {
      LOG.info("cluster adoption left to the other members messages={} replies={} reason=leaving",
          adopted.messages().size(), adopted.replies().size());
      return;
    }
    try {
      LOG.warn("cluster adopted messages={} replies={} from departed members", adopted.messages().size(),
          adopted.replies().size());
      resume.accept(adopted.messages(), adopted.replies());
    } finally {
      handing.exit();
    }
  }

  record Adopted(List<Inbox.Kept> messages, List<Outbox.Entry> replies) {
    boolean isEmpty() {
      return messages.isEmpty() && replies.isEmpty();
    }
  }

  /** On the worker: claims this member's share of the departed members' entries. */
  private Adopted claim() {
    return claim(inbox, outbox, new HashSet<>(departed), clusterManager.getNodeId(), owns);
  }

  /**
   * Blocking: what member {@code self} takes over from members {@code gone}: the messages of the conversations it
   * owns ({@code owns}), and the replies in its own partitions.
   */
  static Adopted claim(ClusterInbox inbox, ClusterOutbox outbox, Set<String> gone, String self,
      Predicate<String> owns) {
    Set<String> handlers = new HashSet<>(gone);
    handlers.add(self);
    List<Inbox.Kept> kept = new ArrayList<>();
    Set<Long> turns = new HashSet<>();
    inbox.map().entrySet(new Handling(handlers)).forEach(journal -> {
      Set<Long> ids = new HashSet<>();
      journal.getValue().messages().forEach((id, message) -> {
        // Its own include those it claimed without hearing back.
        if (handlers.contains(message.handler) && !inbox.handles(id) && owns.test(message.conversation)) {
          ids.add(id);
        }
      });
      if (!ids.isEmpty()) {
        Journal claimed = inbox.map().executeOnKey(journal.getKey(), new Journal.Claim(gone, self, ids));
        claimed.messages().forEach((id, message) -> {
          turns.add(id);
          kept.add(inbox.adopt(journal.getKey(), id, message));
        });
      }
    });
    // After the messages: a reply whose message is still to be claimed (its partition arrived between the two
    // scans) waits for the next scan, so the message and the replies its turn recorded are always taken together.
    Set<Long> inJournals = new HashSet<>();
    inbox.map().project(new MessageIds()).forEach(inJournals::addAll);
    Map<PartitionAwareKey<Long, String>, String> replies = claimAll(outbox.map(), new Claim(gone, self),
        key -> outbox.handles(key) || awaitsItsMessage(outbox, key, turns, inbox, inJournals));
    if (kept.isEmpty() && replies.isEmpty()) {
      return new Adopted(List.of(), List.of());
    }
    kept.sort(Comparator.comparingLong(Inbox.Kept::id));
    List<Outbox.Entry> entries = new ArrayList<>();
    replies.forEach((key, value) -> {
      long turn = ClusterOutbox.turnOf(value);
      Outbox.Entry entry = outbox.adopt(key, value, turn != 0 && (turns.contains(turn) || inbox.handles(turn)));
      if (entry != null) {
        entries.add(entry);
      }
    });
    entries.sort(Comparator.comparingLong(Outbox.Entry::id));
    return new Adopted(kept, entries);
  }

  /** True for a reply of a turn whose message is in a journal but not claimed by this scan. */
  private static boolean awaitsItsMessage(ClusterOutbox outbox, PartitionAwareKey<Long, String> key, Set<Long> claimed,
      ClusterInbox inbox, Set<Long> inJournals) {
    String value = outbox.map().get(key);
    long turn = value == null ? 0 : ClusterOutbox.turnOf(value);
    return turn != 0 && !claimed.contains(turn) && !inbox.handles(turn) && inJournals.contains(turn);
  }

  /** The members handling a journal's messages: what a member that starts reads of each journal. */
  record Handlers() implements Projection<Map.Entry<String, Journal>, HashSet<String>> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public HashSet<String> transform(Map.Entry<String, Journal> entry) {
      HashSet<String> handlers = new HashSet<>();
      entry.getValue().messages().values().forEach(kept -> handlers.add(kept.handler));
      return handlers;
    }
  }

  /** The ids of a journal's messages: whether a reply's turn is still in flight somewhere. */
  private record MessageIds() implements Projection<Map.Entry<String, Journal>, HashSet<Long>> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public HashSet<Long> transform(Map.Entry<String, Journal> entry) {
      return new HashSet<>(entry.getValue().messages().keySet());
    }
  }

  /** The journals with a message handled by one of {@code handlers}. */
  private record Handling(Set<String> handlers) implements com.hazelcast.query.Predicate<String, Journal> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean apply(Map.Entry<String, Journal> entry) {
      return entry.getValue() != null
          && entry.getValue().messages().values().stream().anyMatch(kept -> handlers.contains(kept.handler));
    }
  }

  /** The entries of this member's partitions that {@code claim} wins, but for those it handles already. */
  private static Map<PartitionAwareKey<Long, String>, String> claimAll(IMap<PartitionAwareKey<Long, String>, String> map, Claim claim,
      Predicate<PartitionAwareKey<Long, String>> handled) {
    Map<PartitionAwareKey<Long, String>, String> claimed = new HashMap<>();
    Set<PartitionAwareKey<Long, String>> keys = new HashSet<>(map.localKeySet(claim.candidates()));
    keys.removeIf(handled);
    if (keys.isEmpty()) {
      return claimed;
    }
    map.executeOnKeys(keys, claim).forEach((key, value) -> {
      if (value != null) {
        claimed.put(key, value);
      }
    });
    return claimed;
  }
}
