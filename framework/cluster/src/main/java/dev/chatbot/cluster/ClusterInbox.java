package dev.chatbot.cluster;

import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.query.Predicate;
import dev.chatbot.model.Message;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox in the cluster: each message acknowledged is an entry of a distributed map (with its synchronous backup
 * on another member) before the webhook's {@code 200}, and is removed once its turn is done. The member handling it
 * is written in the entry, so when that member dies the conversation's new owner takes it over ({@link Adoption}).
 *
 * <p>While the turn runs, the entry also counts the turn's settled replies ({@link #settle}): the outbox writes a reply
 * only when a takeover could not make it again by replaying the turn (see {@link ClusterOutbox}).
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

  /** State first, then the message: a kill in between handles the message again rather than losing its state. */
  @Override
  public Future<Void> done(long id, Map<String, JsonObject> changes) {
    Future<Void> saved = changes.isEmpty() ? Future.succeededFuture()
        : Future.all(changes.entrySet().stream().map(change -> stateStore.put(change.getKey(), change.getValue()))
            .toList()).mapEmpty();
    return saved.compose(state -> {
      PartitionAwareKey<Long, String> key = keys.get(id);
      // Known here until it is gone from the map, so a scan never takes this member's own entry for a lost one.
      return key == null ? Future.<Void>succeededFuture()
          : Hz.future(map.removeAsync(key)).<Void>mapEmpty().onSuccess(removed -> keys.remove(id));
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
   * entry, so a member that takes the message over does not send them again. Not waited for by anything: a kill
   * before it lands is the duplicate of a call in flight (docs/cluster.md).
   */
  Future<Void> settle(long id, int settled) {
    PartitionAwareKey<Long, String> key = keys.get(id);
    if (key == null) {
      return Future.succeededFuture(); // done already: nothing will replay it
    }
    return Hz.future(map.submitToKey(key, new Settle(settled))).onFailure(failure -> LOG.warn(
        "cluster settled count not recorded message={} error=\"{}\"", id, failure.getMessage()));
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
