package dev.chatbot.cluster;

import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.query.Predicate;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.DeadLetters;
import dev.chatbot.state.Outbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The outbox in the cluster: a reply is an entry of a distributed map (with its backups) only while a member that
 * takes its conversation over could not simply make it again, as the file store does it with its per-turn counts.
 *
 * <ul>
 *   <li>A reply of a bot's turn is not written when it is added: its message stays in the inbox until the turn's
 *       replies are settled, so a takeover replays the turn, which makes the reply again. Once the platform accepted
 *       it, or it became a dead letter, the turn's journal counts it ({@link ClusterInbox#settled}) and a replay
 *       skips it. The usual reply, accepted at its first call, costs no operation here, and at most a share of
 *       one journal write (none when its turn is done in the same write).
 *   <li>It is written once some of its calls were accepted but not all ({@link #progress}): a replay would send them
 *       again, a takeover sends the reply from the next call instead. Written, it stays (marked {@code done} once
 *       sent) until its turn is done, and a takeover counts it for its turn too.
 *   <li>A reply of no turn (an admin message, a dead letter sent again) is written when added: nothing would make it
 *       again.
 * </ul>
 */
final class ClusterOutbox implements Outbox {

  private static final Future<Void> KEPT = Future.succeededFuture();

  /** Where the turn of inbox message {@code message} counts its settled replies ({@link ClusterInbox#settled}). */
  @FunctionalInterface
  interface TurnCounts {
    void settled(long message, int settled);
  }

  private final IMap<PartitionAwareKey<Long, String>, String> map;
  private final FlakeIdGenerator ids;
  private final String self;
  private final DeadLetters deadLetters;
  private final TurnCounts turnCounts;
  private final Vertx vertx;
  /** Replies not yet sent that this member handles, by outbox id. */
  private final ConcurrentMap<Long, Tracked> pending = new ConcurrentHashMap<>();
  /** Keys of the written replies of each turn (inbox message id) not yet done, sent or not. */
  private final ConcurrentMap<Long, List<PartitionAwareKey<Long, String>>> turns = new ConcurrentHashMap<>();
  /** For turns taken over: how many replies the first handler settled. */
  private final ConcurrentMap<Long, Integer> recorded = new ConcurrentHashMap<>();
  /** Every key of this member's entries, until it is gone from the map: what a scan must not take for lost. */
  private final Set<PartitionAwareKey<Long, String>> known = ConcurrentHashMap.newKeySet();
  /** The last write issued for each entry of this member's: the next one waits for it (see {@link #write}). */
  private final ConcurrentMap<PartitionAwareKey<Long, String>, Future<Void>> writes = new ConcurrentHashMap<>();

  /**
   * {@code json}: the entry as first written, so later writes need not map the reply again (reflection); null while
   * the entry is not written (a turn's reply, see the class comment).
   */
  private record Tracked(PartitionAwareKey<Long, String> key, Entry entry, JsonObject json) {
    boolean written() {
      return json != null;
    }

    Tracked progressed(int callsDone) {
      Entry now = new Entry(entry.id(), entry.to(), entry.reply(), entry.origin(), callsDone);
      return new Tracked(key, now, written() ? json : toJson(now));
    }
  }

  ClusterOutbox(Vertx vertx, IMap<PartitionAwareKey<Long, String>, String> map, FlakeIdGenerator ids, String self,
      DeadLetters deadLetters, TurnCounts turnCounts) {
    this.vertx = vertx;
    this.map = map;
    this.ids = ids;
    this.self = self;
    this.deadLetters = deadLetters;
    this.turnCounts = turnCounts;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public Added add(ConversationRef to, Reply reply, Origin origin) {
    long id = ids.newId();
    PartitionAwareKey<Long, String> key = Work.key(id, to.key());
    Entry entry = new Entry(id, to, reply, origin, 0);
    if (origin.message() != 0) {
      pending.put(id, new Tracked(key, entry, null));
      return new Added(id, KEPT); // its turn's message is kept instead (see the class comment)
    }
    Tracked tracked = new Tracked(key, entry, toJson(entry));
    pending.put(id, tracked);
    known.add(key);
    return new Added(id, write(key, () -> map.setAsync(key, encode(tracked.json(), 0, false))));
  }

  @Override
  public void progress(long id, int callsDone) {
    boolean[] first = {false};
    Tracked tracked = pending.computeIfPresent(id, (key, old) -> {
      first[0] = !old.written();
      return old.progressed(callsDone);
    });
    if (tracked == null) {
      return;
    }
    PartitionAwareKey<Long, String> key = tracked.key();
    if (first[0]) {
      known.add(key);
      turns.computeIfAbsent(tracked.entry().origin().message(), turn -> new CopyOnWriteArrayList<>()).add(key);
    }
    write(key, () -> map.setAsync(key, encode(tracked.json(), callsDone, false)));
  }

  @Override
  public void sent(long id) {
    Tracked tracked = pending.remove(id);
    if (tracked != null) {
      finish(tracked);
    }
  }

  @Override
  public Future<Void> dead(long id, DeadLetter letter) {
    Tracked tracked = pending.remove(id);
    Future<Void> finished = tracked == null ? Future.succeededFuture() : finish(tracked);
    return Future.all(finished, deadLetters.add(letter)).mapEmpty();
  }

  /**
   * A turn's reply never written is counted in its turn's journal; one written stays, marked done, until its turn
   * is done; any other reply goes.
   */
  private Future<Void> finish(Tracked tracked) {
    Origin origin = tracked.entry().origin();
    if (!tracked.written()) {
      turnCounts.settled(origin.message(), origin.index() + 1);
      return KEPT;
    }
    return origin.message() != 0
        ? write(tracked.key(), () -> map.setAsync(tracked.key(), encode(tracked.json(), tracked.entry().callsDone(), true)))
        : remove(tracked.key());
  }

  private Future<Void> remove(PartitionAwareKey<Long, String> key) {
    return write(key, () -> map.removeAsync(key)).onSuccess(removed -> {
      known.remove(key);
      writes.computeIfPresent(key, (k, last) -> last.isComplete() ? null : last);
    });
  }

  /**
   * Issues a write of entry {@code key} once the previous write of it completed. Writes issued together may land out
   * of order while the entry's partition migrates (a member joining or leaving): Hazelcast retries the one that met
   * the migration and not the other. A removal overtaken that way by the write before it brought the entry back as
   * not sent, with this member's name, after this member had forgotten it; the next adoption scan then took it for
   * an entry it had claimed without hearing back and sent the reply again.
   */
  private Future<Void> write(PartitionAwareKey<Long, String> key, Supplier<CompletionStage<?>> operation) {
    Promise<Void> written = Promise.promise();
    Future<Void> previous = writes.put(key, written.future());
    Future<Void> after = previous == null ? Future.succeededFuture() : previous;
    after.onComplete(done -> Hz.future(operation.get()).<Void>mapEmpty().onComplete(written));
    return written.future();
  }

  /** True for an entry of this member's. */
  boolean handles(PartitionAwareKey<Long, String> key) {
    return known.contains(key);
  }

  /** Nothing at start: a member that joins has no replies of its own; those of a dead member are adopted. */
  @Override
  public List<Entry> pending() {
    return List.of();
  }

  /** A turn taken over: its first handler settled {@code settled} of its replies. */
  void recorded(long message, int settled) {
    if (settled > 0) {
      recorded.merge(message, settled, Math::max);
    }
  }

  @Override
  public int recordedReplies(long message) {
    return recorded.getOrDefault(message, 0);
  }

  @Override
  public Future<Void> forget(String platform, String channel) {
    pending.values().removeIf(tracked -> tracked.entry().to().platform().equals(platform)
        && tracked.entry().to().channel().equals(channel));
    return vertx.executeBlocking(() -> {
      map.removeAll(new ToChannel(platform, channel));
      return null;
    });
  }

  /** The turn of inbox message {@code message} is done: its written replies are forgotten. */
  Future<Void> forgetTurn(long message) {
    recorded.remove(message);
    List<PartitionAwareKey<Long, String>> keys = turns.remove(message);
    if (keys == null) {
      return Future.succeededFuture();
    }
    return Future.all(keys.stream().map(this::remove).toList()).mapEmpty();
  }

  /**
   * A reply taken over from a member that left. Returns it when it still has to be sent; a sent one only counts for
   * its turn ({@code turnPending}: that turn's message was taken over too), or is forgotten.
   */
  Entry adopt(PartitionAwareKey<Long, String> key, String value, boolean turnPending) {
    JsonObject json = new JsonObject(Work.json(value));
    Entry entry = decode(Work.id(key), json);
    boolean done = json.getBoolean("done", false);
    long turn = entry.origin().message();
    known.add(key);
    if (turn != 0 && turnPending) {
      turns.computeIfAbsent(turn, t -> new CopyOnWriteArrayList<>()).add(key);
      recorded.merge(turn, entry.origin().index() + 1, Math::max);
    } else if (done) {
      remove(key);
      return null;
    } else if (turn != 0) {
      // Its turn is over: once sent, nothing needs to count it.
      entry = new Entry(entry.id(), entry.to(), entry.reply(), Origin.NONE, entry.callsDone());
    }
    if (done) {
      return null;
    }
    pending.put(entry.id(), new Tracked(key, entry, toJson(entry)));
    return entry;
  }

  IMap<PartitionAwareKey<Long, String>, String> map() {
    return map;
  }

  /** The inbox message a reply belongs to (0 for none), without decoding the reply. */
  static long turnOf(String value) {
    return new JsonObject(Work.json(value)).getLong("message", 0L);
  }

  private static JsonObject toJson(Entry entry) {
    return new JsonObject()
        .put("platform", entry.to().platform())
        .put("channel", entry.to().channel())
        .put("thread", entry.to().thread())
        .put("reply", JsonObject.mapFrom(entry.reply()))
        .put("message", entry.origin().message())
        .put("index", entry.origin().index());
  }

  /** The map value: {@code json} (not changed) with the calls done and whether the reply is done. */
  private String encode(JsonObject json, int callsDone, boolean done) {
    JsonObject value = json.copy().put("callsDone", callsDone);
    if (done) {
      value.put("done", true);
    }
    return Work.value(self, value.encode());
  }

  private static Entry decode(long id, JsonObject json) {
    return new Entry(id,
        new ConversationRef(json.getString("platform"), json.getString("channel"), json.getString("thread")),
        json.getJsonObject("reply").mapTo(Reply.class),
        new Origin(json.getLong("message", 0L), json.getInteger("index", 0)),
        json.getInteger("callsDone", 0));
  }

  /** The replies to one channel (erasure). */
  private record ToChannel(String platform, String channel) implements Predicate<PartitionAwareKey<Long, String>, String> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean apply(Map.Entry<PartitionAwareKey<Long, String>, String> entry) {
      JsonObject json = new JsonObject(Work.json(entry.getValue()));
      return platform.equals(json.getString("platform")) && channel.equals(json.getString("channel"));
    }
  }
}
