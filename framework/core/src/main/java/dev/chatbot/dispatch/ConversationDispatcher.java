package dev.chatbot.dispatch;

import dev.chatbot.bot.Addresses;
import dev.chatbot.bot.BotCall;
import dev.chatbot.bot.Conversation;
import dev.chatbot.bot.LocalBots;
import dev.chatbot.concurrent.Timeouts;
import dev.chatbot.delivery.Delivery;
import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.model.Message;
import dev.chatbot.spi.Inbound;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.Outbox;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each conversation's messages one at a time, in arrival order, and different conversations in parallel.
 *
 * <p>Accepting a message keeps it in the {@link Inbox} first (the webhook's {@code 200} waits for that). Handling
 * it: load the conversation state and the user's profile, hand both to the bot, wait until the bot is done and its
 * replies are delivered, then mark it done in the inbox together with the state it changed (one commit; a failed
 * turn changes nothing). Only then does the next message of that conversation start, so replies never overtake
 * each other. After a crash, {@link #resume} hands the kept messages back in their order.
 */
public final class ConversationDispatcher implements Inbound {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationDispatcher.class);
  public static final String BOT_CALL_CODEC = "chatbot.local";

  private final Vertx vertx;
  private final StateStore stateStore;
  private final DedupeStore dedupeStore;
  private final Inbox inbox;
  private final Outbox outbox;
  private final Delivery delivery;
  private final ChatbotMetrics metrics;
  private final BotRoutes routes;
  private final DeliveryOptions botCallOptions;
  private final LocalBots localBots;

  // One queue per conversation with work; its head is the message being handled. Removed when drained.
  private final ConcurrentMap<String, ArrayDeque<Inbox.Kept>> queues = new ConcurrentHashMap<>();
  // Conversations whose replies from before a restart are still being sent: their first message waits for them.
  private final ConcurrentMap<String, Future<Void>> gates = new ConcurrentHashMap<>();
  // Who waits for a conversation to have nothing queued (erasure must not be undone by a turn finishing after it).
  private final ConcurrentMap<String, List<Promise<Void>>> settleWaiters = new ConcurrentHashMap<>();
  // Events the core handles itself instead of a bot, by name (the admin API's messages).
  private final Map<String, EventHandler> ownEvents = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Promise<Void>> idleWaiters = new ArrayList<>();

  public ConversationDispatcher(Vertx vertx, StateStore stateStore, DedupeStore dedupeStore, Inbox inbox,
      Outbox outbox, Delivery delivery, ChatbotMetrics metrics, BotRoutes routes, Duration botTimeout) {
    this.vertx = vertx;
    this.stateStore = stateStore;
    this.dedupeStore = dedupeStore;
    this.inbox = inbox;
    this.outbox = outbox;
    this.delivery = delivery;
    this.metrics = metrics;
    this.routes = routes;
    this.localBots = LocalBots.of(vertx);
    this.botCallOptions = new DeliveryOptions().setCodecName(BOT_CALL_CODEC).setSendTimeout(botTimeout.toMillis());
  }

  /** Handles one event in its conversation's turn, in place of the bot; failing means the turn changes nothing. */
  @FunctionalInterface
  public interface EventHandler {
    Future<Void> handle(Message event, Conversation conversation);
  }

  /**
   * Events named {@code name} (see {@link Message#event}) are handled by {@code handler} instead of a bot: queued
   * behind the conversation's messages, durable in the inbox and replayed after a crash like them.
   */
  public void handleEvents(String name, EventHandler handler) {
    ownEvents.put(name, handler);
  }

  @Override
  public Future<Accepted> accept(List<Message> messages) {
    if (messages.size() == 1) {
      // The common case, without the lists.
      Message message = messages.get(0);
      return inbox.keepFirstSeen(message, dedupeId(message), dedupeStore)
          .map(kept -> kept.isEmpty() ? new Accepted(0, 1) : queued(kept));
    }
    // Sequential, so a batch keeps its order even when the dedupe store answers asynchronously.
    List<Message> fresh = new ArrayList<>(messages.size());
    Future<Void> checked = Future.succeededFuture();
    for (Message message : messages) {
      checked = checked.compose(previous -> dedupeStore.firstSeen(dedupeId(message), message.conversation().key())
          .map(first -> {
            if (first) {
              fresh.add(message);
            }
            return null;
          }));
    }
    return checked.compose(all -> keepAndQueue(fresh).recover(notKept -> forget(fresh)
            .transform(forgotten -> Future.<Accepted>failedFuture(notKept))))
        .map(accepted -> new Accepted(accepted.accepted(), messages.size() - fresh.size()));
  }

  /** Their keep failed: their ids are forgotten, so the platform's redelivery is handled (see Inbox.keepFirstSeen). */
  private Future<Void> forget(List<Message> notKept) {
    return Future.join(notKept.stream()
        .map(message -> dedupeStore.forget(dedupeId(message), message.conversation().key())).toList()).mapEmpty();
  }

  /** Into the inbox (completing once they would survive a crash), then into their conversations' queues. */
  private Future<Accepted> keepAndQueue(List<Message> fresh) {
    if (fresh.isEmpty()) {
      return Future.succeededFuture(new Accepted(0, 0));
    }
    return inbox.keep(fresh).map(this::queued);
  }

  private Accepted queued(List<Inbox.Kept> kept) {
    for (Inbox.Kept entry : kept) {
      metrics.received(entry.message().conversation().platform());
      enqueue(entry);
    }
    return new Accepted(kept.size(), 0);
  }

  /** An event's id in the dedupe store: ids are unique per platform only. */
  private static String dedupeId(Message message) {
    return message.conversation().platform() + ":" + message.id();
  }

  /**
   * After a restart, before any webhook is taken: the messages kept but not handled, oldest first, each conversation
   * waiting for {@code replies} (its replies from before the restart, still being sent) before its first message.
   */
  public void resume(List<Inbox.Kept> pending, Map<String, Future<Void>> replies) {
    gates.putAll(replies);
    // Once a conversation's old replies are out, its new messages need not wait for anything.
    replies.forEach((key, sent) -> sent.onComplete(done -> gates.remove(key, sent)));
    pending.forEach(this::enqueue);
  }

  /** Messages accepted but not yet fully handled (bot done, replies delivered, state saved). */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * The conversations with work, each with how many of its messages are not yet done (the head is being handled):
   * logged when the shutdown grace period runs out.
   */
  public java.util.Map<String, Integer> inFlightConversations() {
    java.util.Map<String, Integer> busy = new java.util.TreeMap<>();
    // Queues change inside compute(), under the map's lock for their key: read them the same way.
    for (String key : queues.keySet()) {
      queues.computeIfPresent(key, (k, queue) -> {
        busy.put(k, queue.size());
        return queue;
      });
    }
    return busy;
  }

  /** Completes when nothing is in flight: used by graceful shutdown. */
  public Future<Void> idle() {
    synchronized (idleWaiters) {
      if (inFlight.get() == 0) {
        return Future.succeededFuture();
      }
      Promise<Void> promise = Promise.promise();
      idleWaiters.add(promise);
      return promise.future();
    }
  }

  /** Completes once the conversation {@code key} has no message queued or being handled. */
  @Override
  public Future<Void> settled(String key) {
    Promise<Void> promise = Promise.promise();
    boolean[] busy = {false};
    queues.computeIfPresent(key, (k, queue) -> {
      busy[0] = true;
      settleWaiters.computeIfAbsent(k, w -> new ArrayList<>()).add(promise);
      return queue;
    });
    if (!busy[0]) {
      promise.complete();
    }
    return promise.future();
  }

  private void enqueue(Inbox.Kept message) {
    inFlight.incrementAndGet();
    boolean[] start = {false};
    String key = message.message().conversation().key();
    queues.compute(key, (k, queue) -> {
      if (queue == null) {
        queue = new ArrayDeque<>();
        start[0] = true;
      }
      queue.addLast(message);
      return queue;
    });
    if (start[0]) {
      Future<Void> gate = gates.isEmpty() ? null : gates.remove(key);
      if (gate != null) {
        gate.onComplete(sent -> handle(message, key));
        return;
      }
      // Next tick on this event loop: the platform gets its 200 first, whatever the bot costs.
      io.vertx.core.Context context = Vertx.currentContext();
      if (context != null) {
        context.runOnContext(tick -> handle(message, key));
      } else {
        vertx.runOnContext(tick -> handle(message, key));
      }
    }
  }

  /** {@code key}: the conversation's key, built once for all of its queued messages. */
  private void handle(Inbox.Kept message, String key) {
    process(message, key).onComplete(done -> {
      finished();
      Inbox.Kept[] next = {null};
      List<Promise<Void>> settled = new ArrayList<>(0);
      queues.computeIfPresent(key, (k, queue) -> {
        queue.pollFirst();
        next[0] = queue.peekFirst();
        if (queue.isEmpty() && !settleWaiters.isEmpty()) {
          List<Promise<Void>> waiting = settleWaiters.remove(k);
          if (waiting != null) {
            settled.addAll(waiting);
          }
        }
        return queue.isEmpty() ? null : queue;
      });
      settled.forEach(Promise::tryComplete);
      if (next[0] != null) {
        handle(next[0], key);
      }
    });
  }

  private void finished() {
    if (inFlight.decrementAndGet() == 0) {
      List<Promise<Void>> waiters;
      synchronized (idleWaiters) {
        waiters = new ArrayList<>(idleWaiters);
        idleWaiters.clear();
      }
      waiters.forEach(Promise::tryComplete);
    }
  }

  private Future<Void> process(Inbox.Kept kept, String conversationKey) {
    Message message = kept.message();
    String stateKey = "conversation:" + conversationKey;
    String profileKey = "profile:" + message.user().key();
    return Future.all(stateStore.get(stateKey), stateStore.get(profileKey))
        .compose(loaded -> {
          JsonObject state = loaded.resultAt(0);
          JsonObject profile = loaded.resultAt(1);
          JsonObject stateBefore = state.copy();
          JsonObject profileBefore = profile.copy();
          boolean[] undelivered = {false};
          Conversation conversation = new Conversation(message.conversation(), message.user(), state, profile,
              replySink(kept.id(), undelivered));
          EventHandler own = message.kind() == Message.Kind.EVENT && !ownEvents.isEmpty()
              ? ownEvents.get(message.payload()) : null;
          Future<Boolean> turn = own != null ? ownTurn(own, message, conversation)
              : callBot(message, conversation, undelivered);
          return turn
              .compose(succeeded -> conversation.allSent().map(succeeded))
              .compose(succeeded -> {
                // A failed turn changes nothing: the next message sees the state from before it.
                Map<String, JsonObject> changes = new HashMap<>(2);
                if (succeeded && !state.equals(stateBefore)) {
                  changes.put(stateKey, state);
                }
                if (succeeded && !profile.equals(profileBefore)) {
                  changes.put(profileKey, profile);
                }
                return inbox.done(kept.id(), changes);
              });
        })
        .onFailure(failure -> LOG.error("message failed conversation={} id={} error=\"{}\"",
            conversationKey, message.id(), failure.getMessage()));
  }

  /**
   * The turn's replies to delivery, each with its place in the turn. Replaying a message after a crash, the replies
   * its first run recorded are not sent again (they were sent, or are pending in the outbox).
   */
  private Conversation.ReplySink replySink(long inboxId, boolean[] undelivered) {
    int recorded = inboxId == 0 || !outbox.durable() ? 0 : outbox.recordedReplies(inboxId);
    int[] index = {0};
    return (to, reply) -> {
      int position = index[0]++;
      if (position < recorded) {
        return Future.succeededFuture();
      }
      return delivery.deliver(to, reply, Outbox.Origin.turn(inboxId, position))
          .onFailure(failure -> undelivered[0] = true);
    };
  }

  /** An event the core handles: like a bot's turn, a failure is logged and changes nothing. */
  private static Future<Boolean> ownTurn(EventHandler own, Message message, Conversation conversation) {
    Future<Void> handled;
    try {
      handled = own.handle(message, conversation);
    } catch (RuntimeException e) {
      handled = Future.failedFuture(e);
    }
    return handled.map(true).recover(failure -> {
      LOG.error("event failed event={} conversation={} id={} error=\"{}\" state=unchanged", message.payload(),
          message.conversation().key(), message.id(), failure.getMessage());
      return Future.succeededFuture(false);
    });
  }

  /**
   * True when the bot succeeded, or failed only because a reply was not delivered ({@code undelivered[0]}: delivery
   * logged it with the platform's error and kept it as a dead letter, so the turn itself stands).
   */
  private Future<Boolean> callBot(Message message, Conversation conversation, boolean[] undelivered) {
    String bot = routes.botFor(message.conversation().platform());
    long started = System.nanoTime();
    // The bot instance on this event loop, called directly when there is one (the usual case: one instance per
    // loop); otherwise the event bus. Same contract either way.
    LocalBots.Handler local = localBots.onThisThread(bot);
    Future<Void> handled = local != null
        ? Timeouts.within(local.handle(message, conversation), botCallOptions.getSendTimeout())
        : vertx.eventBus().request(Addresses.bot(bot), new BotCall(message, conversation), botCallOptions).mapEmpty();
    return handled
        .onComplete(done -> metrics.botHandling(bot, Duration.ofNanos(System.nanoTime() - started)))
        .map(true)
        .recover(failure -> {
          // A failing bot must not stall the conversation: log, keep the state from before the turn, go on. A bot
          // failing only because its reply was not delivered was logged by delivery: once is enough.
          if (undelivered[0]) {
            LOG.debug("bot failed bot={} conversation={} id={} reason=undelivered_reply",
                bot, message.conversation().key(), message.id());
            return Future.succeededFuture(true);
          }
          LOG.error("bot failed bot={} conversation={} id={} error=\"{}\" state=unchanged",
              bot, message.conversation().key(), message.id(), failure.getMessage());
          return Future.succeededFuture(false);
        });
  }
}
