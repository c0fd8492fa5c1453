package dev.chatbot.spi;

import dev.chatbot.state.BotDataStore;
import dev.chatbot.state.DeadLetters;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MessageStatuses;
import dev.chatbot.state.Outbox;
import dev.chatbot.state.SharedDataMessageStatuses;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Where conversation state, user profiles, dedupe memory, the inbox, the outbox and dead letters live, and the kind
 * of Vert.x that needs. Chosen by {@code STATE_STORE}: {@code file} (the default) and {@code memory} are built into
 * the core; others (such as {@code cluster} in the
 * {@code chatbot-cluster} module) are found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.chatbot.spi.StateBackend}), so the core knows nothing of the cluster technology.
 *
 * <p>One instance serves one server, in this order: {@link #createVertx}, then the stores, then {@link #inbound},
 * then {@link #ready()} on each readiness probe and {@link #drain()} when graceful shutdown begins.
 */
public interface StateBackend {

  /** The {@code STATE_STORE} value that selects this backend. */
  String name();

  /**
   * Checks this backend's variables (a {@link ConfigException} naming the first bad one) and
   * builds Vert.x: {@code builder} already carries the metrics factory, {@code options} the core's options, which
   * the backend may extend (event bus address) before {@code builder.with(options)}.
   */
  Future<Vertx> createVertx(VertxOptions options, VertxBuilder builder, Settings settings);

  /** Conversation state and user profiles; valid once {@link #createVertx} completed. */
  StateStore stateStore();

  /** Inbound event ids seen recently; valid once {@link #createVertx} completed. */
  DedupeStore dedupeStore();

  /** Bots' own data (stock, counters), with atomic updates; valid once {@link #createVertx} completed. */
  BotDataStore botDataStore();

  /** Messages acknowledged but not yet handled; valid once {@link #createVertx} completed. */
  Inbox inbox();

  /** Replies not yet accepted by their platform; valid once {@link #createVertx} completed. */
  Outbox outbox();

  /** Replies that finally failed; valid once {@link #createVertx} completed. */
  DeadLetters deadLetters();

  /**
   * Statuses of the admin API's proactive messages. By default in Vert.x's shared data, with a time to live: across
   * the cluster in a clustered Vert.x, this process's heap otherwise; {@code file} keeps them in its file.
   */
  default MessageStatuses messageStatuses(Vertx vertx) {
    return new SharedDataMessageStatuses(vertx);
  }

  /**
   * What the adapters hand parsed messages to. {@code local} is this process's dispatcher (dedupe, per-conversation
   * queue, bot); a backend shared by several processes wraps it so that one conversation is handled by one process
   * at a time.
   */
  default Future<Inbound> inbound(Inbound local) {
    return Future.succeededFuture(local);
  }

  /**
   * The directory of this process's data that survives a restart, where adapters may keep small files of their own
   * (the web chat's signing key); empty when this process keeps nothing across restarts. Valid once
   * {@link #createVertx} completed.
   */
  default Optional<Path> dataDir() {
    return Optional.empty();
  }

  /**
   * Work that another process left (a cluster member that died) may come to this one at any time: the backend hands
   * it to {@code resume}, which treats it as a restart does (the replies sent first, then the messages handled, each
   * conversation in its order). Called once, after the server handled what {@link Inbox#pending()} and
   * {@link Outbox#pending()} had at start.
   */
  default void adoptWith(BiConsumer<List<Inbox.Kept>, List<Outbox.Entry>> resume) {}

  /**
   * This process's part of each platform's send rate budget, read at every send: 1 for a process alone; a cluster
   * of n members gives each 1/n, so together they keep to the platform's limit without asking each other per message.
   */
  default java.util.function.DoubleSupplier sendShare() {
    return () -> 1.0;
  }

  /** Readiness: true when this backend can serve (joined its cluster, store reachable). */
  default Future<Boolean> ready() {
    return Future.succeededFuture(true);
  }

  /** Graceful shutdown has begun: stop taking work from elsewhere; messages already queued still finish. */
  default Future<Void> drain() {
    return Future.succeededFuture();
  }

  /** The server has stopped (Vert.x closed): release files and locks. Runs on a thread of its own. */
  default void close() {}
}
