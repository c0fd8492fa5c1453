package dev.chatbot.dispatch;

import dev.chatbot.bot.Addresses;
import dev.chatbot.bot.BotCall;
import dev.chatbot.bot.Conversation;
import dev.chatbot.bot.LocalBots;
import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.model.Message;
import dev.chatbot.spi.Inbound;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each conversation's messages one at a time, in arrival order, and different conversations in parallel.
 *
 * <p>For each message: load the conversation state and the user's profile, hand both to the bot over the event bus,
 * wait until the bot is done and its replies are delivered, then save what changed. Only then does the next message
 * of that conversation start, so replies never overtake each other.
 */
public final class ConversationDispatcher implements Inbound {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationDispatcher.class);
  public static final String BOT_CALL_CODEC = "chatbot.local";

  private final Vertx vertx;
  private final StateStore stateStore;
  private final DedupeStore dedupeStore;
  private final Conversation.ReplySink replies;
  private final ChatbotMetrics metrics;
  private final BotRoutes routes;
  private final DeliveryOptions botCallOptions;
  private final LocalBots localBots;

  // One queue per conversation with work; its head is the message being handled. Removed when drained.
  private final ConcurrentMap<String, ArrayDeque<Message>> queues = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Promise<Void>> idleWaiters = new ArrayList<>();

  public ConversationDispatcher(Vertx vertx, StateStore stateStore, DedupeStore dedupeStore,
      Conversation.ReplySink replies, ChatbotMetrics metrics, BotRoutes routes, Duration botTimeout) {
    this.vertx = vertx;
    this.stateStore = stateStore;
    this.dedupeStore = dedupeStore;
    this.replies = replies;
    this.metrics = metrics;
    this.routes = routes;
    this.localBots = LocalBots.of(vertx);
    this.botCallOptions = new DeliveryOptions().setCodecName(BOT_CALL_CODEC).setSendTimeout(botTimeout.toMillis());
  }

  @Override
  public Future<Accepted> accept(List<Message> messages) {
    // Sequential, so a batch keeps its order even when the dedupe store answers asynchronously.
    Future<Accepted> result = Future.succeededFuture(new Accepted(0, 0));
    for (Message message : messages) {
      result = result.compose(counts -> dedupeStore.firstSeen(message.conversation().platform() + ":" + message.id())
          .map(first -> {
            if (!first) {
              return new Accepted(counts.accepted(), counts.duplicates() + 1);
            }
            metrics.received(message.conversation().platform());
            enqueue(message);
            return new Accepted(counts.accepted() + 1, counts.duplicates());
          }));
    }
    return result;
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

  private void enqueue(Message message) {
    inFlight.incrementAndGet();
    boolean[] start = {false};
    String key = message.conversation().key();
    queues.compute(key, (k, queue) -> {
      if (queue == null) {
        queue = new ArrayDeque<>();
        start[0] = true;
      }
      queue.addLast(message);
      return queue;
    });
    if (start[0]) {
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
  private void handle(Message message, String key) {
    process(message, key).onComplete(done -> {
      finished();
      Message[] next = {null};
      queues.computeIfPresent(key, (k, queue) -> {
        queue.pollFirst();
        next[0] = queue.peekFirst();
        return queue.isEmpty() ? null : queue;
      });
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

  private Future<Void> process(Message message, String conversationKey) {
    String stateKey = "conversation:" + conversationKey;
    String profileKey = "profile:" + message.user().key();
    return Future.all(stateStore.get(stateKey), stateStore.get(profileKey))
        .compose(loaded -> {
          JsonObject state = loaded.resultAt(0);
          JsonObject profile = loaded.resultAt(1);
          JsonObject stateBefore = state.copy();
          JsonObject profileBefore = profile.copy();
          boolean[] undelivered = {false};
          Conversation.ReplySink tracked = (to, reply) -> replies.send(to, reply)
              .onFailure(failure -> undelivered[0] = true);
          Conversation conversation =
              new Conversation(message.conversation(), message.user(), state, profile, tracked);
          return callBot(message, conversation, undelivered)
              .compose(done -> conversation.allSent())
              .compose(sent -> Future.all(
                  state.equals(stateBefore) ? Future.succeededFuture() : stateStore.put(stateKey, state),
                  profile.equals(profileBefore) ? Future.succeededFuture() : stateStore.put(profileKey, profile)))
              .<Void>mapEmpty();
        })
        .onFailure(failure -> LOG.error("message failed conversation={} id={} error=\"{}\"",
            conversationKey, message.id(), failure.getMessage()));
  }

  /** {@code undelivered[0]}: a reply finally failed, which delivery has logged already with the platform's error. */
  private Future<Void> callBot(Message message, Conversation conversation, boolean[] undelivered) {
    String bot = routes.botFor(message.conversation().platform());
    long started = System.nanoTime();
    // The bot instance on this event loop, called directly when there is one (the usual case: one instance per
    // loop); otherwise the event bus. Same contract either way.
    LocalBots.Handler local = localBots.onThisThread(bot);
    Future<Void> handled = local != null
        ? local.handle(message, conversation).timeout(botCallOptions.getSendTimeout(), TimeUnit.MILLISECONDS)
        : vertx.eventBus().request(Addresses.bot(bot), new BotCall(message, conversation), botCallOptions).mapEmpty();
    return handled
        .onComplete(done -> metrics.botHandling(bot, Duration.ofNanos(System.nanoTime() - started)))
        .recover(failure -> {
          // A failing bot must not stall the conversation: log, keep the state it had, go on. A bot failing only
          // because its reply was not delivered was logged by delivery: once is enough.
          if (undelivered[0]) {
            LOG.debug("bot failed bot={} conversation={} id={} reason=undelivered_reply",
                bot, message.conversation().key(), message.id());
          } else {
            LOG.error("bot failed bot={} conversation={} id={} error=\"{}\"",
                bot, message.conversation().key(), message.id(), failure.getMessage());
          }
          return Future.succeededFuture();
        });
  }
}
