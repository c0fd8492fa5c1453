package dev.chatbot.cluster;

import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.query.Predicate;
import com.hazelcast.spi.impl.operationexecutor.OperationHostileThread;
import dev.chatbot.model.Message;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.StateStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox in the cluster: each message acknowledged is an entry of a distributed map (with its synchronous backup
 * on another member) before the webhook's {@code 200}, and is removed once its turn is done. The member handling it
 * is written in the entry, so when that member dies the conversation's new owner takes it over ({@link Adoption}).
 *
 * <p>While the turn runs, the entry also counts the turn's settled replies ({@link #settled}): the outbox writes a
 * reply only when a takeover could not make it again by replaying the turn (see {@link ClusterOutbox}).
 *
 * <p>Unlike the file store, saving a turn's state and forgetting its message are two operations: a member killed
 * between them leaves a message whose state change is saved, and the new owner handles it again (its replies are not
 * sent again: the outbox still counts them).
 */
final class ClusterInbox implements Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterInbox.class);

  private final IMap<PartitionAwareKey<Long, String>, String> map;
  private final FlakeIdGenerator ids;
  private final String self;
  private final StateStore stateStore;
  private final ClusterOutbox outbox;
  private final Vertx vertx;
  /** Entries this member handles: inbox id to map key. */
  private final ConcurrentMap<Long, PartitionAwareKey<Long, String>> keys = new ConcurrentHashMap<>();
  /** Counts of settled replies not yet written, by inbox id (see {@link #settled}). */
  private final ConcurrentMap<Long, Integer> unsettled = new ConcurrentHashMap<>();

  ClusterInbox(Vertx vertx, IMap<PartitionAwareKey<Long, String>, String> map, FlakeIdGenerator ids, String self, StateStore stateStore,
      ClusterOutbox outbox) {
    this.vertx = vertx;
    this.map = map;
    this.ids = ids;
    this.self = self;
    this.stateStore = stateStore;
    this.outbox = outbox;
  }

  @Override
  public Future<List<Kept>> keep(List<Message> messages) {
    List<Kept> kept = new ArrayList<>(messages.size());
    List<Future<Void>> writes = new ArrayList<>(messages.size());
    for (Message message : messages) {
      long id = ids.newId();
      PartitionAwareKey<Long, String> key = Work.key(id, message.conversation().key());
      keys.put(id, key);
      kept.add(new Kept(id, message));
      writes.add(Hz.future(map.setAsync(key, Work.value(self, MessageJson.encode(message).encode()))));
    }
    return Future.all(writes).map(kept).onFailure(notKept -> kept.forEach(entry -> keys.remove(entry.id())));
  }

  /**
   * The dedupe put, then the inbox write chained on the Hazelcast thread that completed the put: both keys are in the
   * conversation's partition, so on the member handling it that is the partition's own thread, which takes the write
   * next without a wake-up, and the caller's event loop is woken once instead of twice. (A put answered by another
   * member completes on an IO thread, which may not start operations: the write then starts from the caller's
   * context.) The order of the two writes, and what each guarantees, is that of the default method.
   */
  @Override
  public Future<List<Kept>> keepFirstSeen(Message message, String dedupeId, DedupeStore dedupe) {
    if (!(dedupe instanceof ClusterDedupeStore clusterDedupe)) {
      return Inbox.super.keepFirstSeen(message, dedupeId, dedupe);
    }
    long id = ids.newId();
    PartitionAwareKey<Long, String> key = Work.key(id, message.conversation().key());
    // Encoded here, on the event loop, not on the partition's thread.
    String value = Work.value(self, MessageJson.encode(message).encode());
    keys.put(id, key);
    Executor chain = onOperationThread(Vertx.currentContext());
    CompletionStage<Boolean> kept = clusterDedupe.firstSeenStage(dedupeId, message.conversation().key())
        .thenComposeAsync(first -> first
            ? map.setAsync(key, value).thenApplyAsync(written -> true, Runnable::run)
            : CompletableFuture.completedFuture(false), chain);
    return Hz.future(kept).map(first -> {
      if (first) {
        return List.of(new Kept(id, message));
      }
      keys.remove(id);
      return List.<Kept>of();
    }).onFailure(notKept -> keys.remove(id));
  }

  /** Runs a continuation where it completed, unless that is a Hazelcast IO thread (see {@link #keepFirstSeen}). */
  private static Executor onOperationThread(Context context) {
    return task -> {
      if (!(Thread.currentThread() instanceof OperationHostileThread)) {
        task.run();
      } else if (context != null) {
        context.runOnContext(tick -> task.run());
      } else {
        ForkJoinPool.commonPool().execute(task);
      }
    };
  }

  /**
   * State first, then the message: a kill in between handles the message again rather than losing its state. The
   * turn's count of settled replies not yet written ({@link #settled}) goes along with the state, or, when there is no
   * state to save, is not written at all: the removal follows at once and makes it moot.
   */
  @Override
  public Future<Void> done(long id, Map<String, JsonObject> changes) {
    Future<Void> saved;
    Integer unwritten = null;
    if (changes.isEmpty()) {
      unwritten = unsettled.remove(id);
      saved = Future.succeededFuture();
    } else {
      writeCount(id);
      saved = Future.all(changes.entrySet().stream()
          .map(change -> stateStore.put(change.getKey(), change.getValue())).toList()).mapEmpty();
    }
    Integer count = unwritten;
    return saved.compose(state -> {
      PartitionAwareKey<Long, String> key = keys.get(id);
      // Known here until it is gone from the map, so a scan never takes this member's own entry for a lost one.
      return key == null ? Future.<Void>succeededFuture()
          : Hz.future(map.removeAsync(key)).<Void>mapEmpty().onComplete(removed -> {
            if (removed.succeeded()) {
              keys.remove(id);
            } else if (count != null) {
              settled(id, count); // the message stays: its count must not be lost with the removal
            }
          });
    }).compose(forgotten -> outbox.forgetTurn(id));
  }

  /** Nothing at start: a member that joins has no messages of its own; those of a dead member are adopted. */
  @Override
  public List<Kept> pending() {
    return List.of();
  }

  @Override
  public Future<Void> forget(String platform, String userId) {
    return vertx.executeBlocking(() -> {
      map.removeAll(new OfUser(platform, userId));
      return null;
    });
  }

  /**
   * {@code settled} replies of the turn of message {@code id} were accepted (or became dead letters): recorded in its
   * entry, so a member that takes the message over does not send them again. Written at the end of the current
   * event-loop task, unless the message is done within that task ({@link #done}: its removal records the count
   * then, and the usual one-reply turn writes no count at all). A kill before either lands is the duplicate of a
   * call in flight (docs/cluster.md).
   */
  void settled(long id, int settled) {
    if (!keys.containsKey(id)) {
      return; // done already: nothing will replay it
    }
    boolean[] first = {false};
    unsettled.compute(id, (message, before) -> {
      first[0] = before == null;
      return before == null ? settled : Math.max(before, settled);
    });
    if (first[0]) {
      Context context = Vertx.currentContext();
      if (context == null) {
        writeCount(id);
      } else {
        context.runOnContext(tick -> writeCount(id));
      }
    }
  }

  /** Writes the count {@link #settled} left for message {@code id}, unless its removal took it. */
  private void writeCount(long id) {
    Integer settled = unsettled.remove(id);
    PartitionAwareKey<Long, String> key = keys.get(id);
    if (settled == null || key == null) {
      return;
    }
    // Not waited for, so not handed to an event loop; never Hazelcast's default executor (see Hz).
    map.submitToKey(key, new Settle(settled)).whenCompleteAsync((nothing, failure) -> {
      if (failure != null) {
        LOG.warn("cluster settled count not recorded message={} error=\"{}\"", id, failure.getMessage());
      }
    }, Runnable::run);
  }

  /** An entry taken over from a member that left: this member now handles it, and replays skip what it settled. */
  Kept adopt(PartitionAwareKey<Long, String> key, String value) {
    long id = Work.id(key);
    keys.put(id, key);
    outbox.recorded(id, Work.settled(value));
    return new Kept(id, MessageJson.decode(new JsonObject(Work.json(value))));
  }

  /** True while this member handles inbox message {@code id}. */
  boolean handles(long id) {
    return keys.containsKey(id);
  }

  IMap<PartitionAwareKey<Long, String>, String> map() {
    return map;
  }

  /** The entries of one user's messages (erasure). */
  private record OfUser(String platform, String userId) implements Predicate<PartitionAwareKey<Long, String>, String> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean apply(Map.Entry<PartitionAwareKey<Long, String>, String> entry) {
      JsonObject user = new JsonObject(Work.json(entry.getValue())).getJsonObject("user");
      return user != null && platform.equals(user.getString("platform")) && userId.equals(user.getString("id"));
    }
  }
}
