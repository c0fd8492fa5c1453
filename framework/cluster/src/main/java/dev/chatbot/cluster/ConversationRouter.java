package dev.chatbot.cluster;

import dev.chatbot.bot.Addresses;
import dev.chatbot.model.Message;
import dev.chatbot.server.Lifecycle;
import dev.chatbot.spi.Inbound;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one conversation on one member at a time: each message goes to its conversation's owner member, whose local
 * dispatcher (dedupe against the cluster-wide store, per-conversation queue, bot) handles it. A message that
 * arrives elsewhere is forwarded over the event bus with request/reply ({@link Forwards}, which coalesces one
 * event-loop turn's forwards per member), and the webhook is acknowledged only once the owner has queued it, so a
 * platform's sequential deliveries keep their order whichever member they reach.
 *
 * <p>{@link Ownership} decides the owner. When the owner does not take the messages (it is leaving and has stopped
 * its consumer, or it died and the cluster has not noticed yet), they go to a stand-in that every member picks
 * alike, so the conversation still has a single handler; only if that fails too are they handled here. A member
 * handles whatever is forwarded to it without forwarding again, so members with briefly different views of the
 * cluster cannot bounce a message around.
 *
 * <p>An owner that is still a member but does not answer in time is busy, not gone: it may yet queue the messages,
 * so they do not go to a stand-in (which would handle them a second time, out of order, exactly when the cluster
 * has no room for more work). The webhook fails instead and the platform delivers again; the cluster-wide dedupe
 * recognises the messages the owner did queue.
 */
final class ConversationRouter implements Inbound {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationRouter.class);
  /** Inside Slack's 3 s webhook window. A live member answers in milliseconds, a busy one in a few hundred. */
  static final long FORWARD_TIMEOUT_MILLIS = 2_000;
  /** Far longer than a usual turn; an erasure that waits longer answers 503 and can be asked again. */
  static final long SETTLED_TIMEOUT_MILLIS = 30_000;

  private final Vertx vertx;
  private final String self;
  private final Ownership ownership;
  private final Inbound local;
  private final Forwards forwards;
  private MessageConsumer<JsonArray> consumer;
  private MessageConsumer<String> settledConsumer;
  /** Forwarded messages between arrival and being queued here (the same guard as the server's own webhooks). */
  private final Lifecycle forwarded = new Lifecycle();

  ConversationRouter(Vertx vertx, Ownership ownership, Inbound local) {
    this(vertx, ownership, local, FORWARD_TIMEOUT_MILLIS);
  }

  ConversationRouter(Vertx vertx, Ownership ownership, Inbound local, long forwardTimeoutMillis) {
    this.vertx = vertx;
    this.self = ownership.self();
    this.ownership = ownership;
    this.local = local;
    this.forwards = new Forwards(vertx, forwardTimeoutMillis);
  }

  /** Starts taking the messages other members forward to this one, and their questions whether one is settled. */
  Future<Void> start() {
    consumer = vertx.eventBus().consumer(Addresses.inbound(self), request -> {
      if (!forwarded.enter()) {
        // Leaving: not accepted here, so the sender takes the stand-in (as when no consumer answers).
        request.fail(503, "member leaving");
        return;
      }
      Forwards.answer(request, local, forwarded::exit);
    });
    settledConsumer = vertx.eventBus().consumer(Addresses.settled(self),
        request -> local.settled(request.body()).onComplete(settled -> request.reply(null)));
    return Future.all(consumer.completion(), settledConsumer.completion()).mapEmpty();
  }

  /**
   * Stops taking forwarded messages (the senders then send them to a stand-in, see {@link #forward}), and completes
   * once the ones already taken are accepted, that is queued in this member's dispatcher: graceful shutdown waits
   * for the dispatcher to be idle next, which must count them. Otherwise a message acknowledged here just as the
   * shutdown began is handled while the member leaves the cluster, its reply possibly sent without the record of it
   * reaching the maps, and the member that adopts it sends the reply again.
   */
  Future<Void> stop() {
    forwarded.stopAccepting();
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    if (settledConsumer != null) {
      settledConsumer.unregister();
    }
    return unregistered.eventually(forwarded::drained);
  }

  @Override
  public Future<Accepted> accept(List<Message> messages) {
    // Grouped by owner, keeping arrival order inside each group (one conversation always has one owner).
    Map<String, List<Message>> byOwner = new LinkedHashMap<>();
    for (Message message : messages) {
      byOwner.computeIfAbsent(ownership.ownerOf(message), owner -> new ArrayList<>()).add(message);
    }
    List<Future<Accepted>> parts = new ArrayList<>();
    byOwner.forEach((owner, batch) -> parts.add(sendTo(owner, batch)));
    return sum(parts);
  }

  private Future<Accepted> sendTo(String owner, List<Message> batch) {
    if (owner.equals(self)) {
      return local.accept(batch);
    }
    return forward(owner, batch).recover(failure -> {
      if (busy(failure, owner)) {
        LOG.warn("forward timed out owner={} messages={} stand_in=none (the owner is a member: busy, not gone)",
            owner, batch.size());
        return Future.failedFuture(failure);
      }
      // Regroup by stand-in: messages of one conversation stay together and in order.
      Map<String, List<Message>> byStandIn = new LinkedHashMap<>();
      for (Message message : batch) {
        byStandIn.computeIfAbsent(ownership.ownerWithout(message, owner), node -> new ArrayList<>()).add(message);
      }
      LOG.warn("forward failed owner={} messages={} error=\"{}\" stand_in={}",
          owner, batch.size(), failure.getMessage(), String.join(",", byStandIn.keySet()));
      List<Future<Accepted>> parts = new ArrayList<>();
      byStandIn.forEach((standIn, part) -> parts.add(standIn.equals(self) || standIn.equals(owner)
          ? local.accept(part)
          : forward(standIn, part).recover(again -> {
            // Handling here is safe against repeats: the dedupe store is cluster-wide, so a message the owner
            // or the stand-in did queue counts as a duplicate here.
            LOG.warn("forward failed stand_in={} messages={} error=\"{}\" handling=local",
                standIn, part.size(), again.getMessage());
            return local.accept(part);
          })));
      return sum(parts);
    });
  }

  /**
   * Asks the conversation's owner. Fails when the owner does not answer in time (busy, or leaving): then whoever
   * asked cannot know that no turn of the conversation will still save its state, and says so.
   */
  @Override
  public Future<Void> settled(String conversationKey) {
    String owner = ownership.ownerOf(conversationKey);
    if (owner.equals(self)) {
      return local.settled(conversationKey);
    }
    return vertx.eventBus().request(Addresses.settled(owner), conversationKey,
        new DeliveryOptions().setSendTimeout(SETTLED_TIMEOUT_MILLIS)).mapEmpty();
  }

  /** A time-out from a node the cluster still counts as a member. */
  private boolean busy(Throwable failure, String node) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT
        && ownership.isMember(node);
  }

  private Future<Accepted> forward(String node, List<Message> batch) {
    return forwards.send(node, batch);
  }

  private static Future<Accepted> sum(List<Future<Accepted>> parts) {
    return Future.all(parts).map(all -> {
      int accepted = 0;
      int duplicates = 0;
      for (int i = 0; i < all.size(); i++) {
        Accepted part = all.resultAt(i);
        accepted += part.accepted();
        duplicates += part.duplicates();
      }
      return new Accepted(accepted, duplicates);
    });
  }

}
