package dev.chatbot.state;

import dev.chatbot.spi.Settings;
import dev.chatbot.spi.StateBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;

/**
 * {@code STATE_STORE=memory}: one process, everything in its heap, nothing survives a restart (for tests and
 * benchmarks); a plain (not clustered) Vert.x.
 */
public final class MemoryStateBackend implements StateBackend {

  public static final String NAME = "memory";

  private final StateStore stateStore = new MemoryStateStore();
  private final BotDataStore botDataStore = new MemoryBotDataStore();
  private final DeadLetters deadLetters = new MemoryDeadLetters();
  private final Inbox inbox = Inbox.unlogged(stateStore);
  private final Outbox outbox = Outbox.unlogged(deadLetters);
  private final MessageStatuses messageStatuses = new MemoryMessageStatuses();
  private DedupeStore dedupeStore;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<Vertx> createVertx(VertxOptions options, VertxBuilder builder, Settings settings) {
    try {
      dedupeStore = MemoryDedupeStore.from(settings);
    } catch (RuntimeException badSetting) {
      return Future.failedFuture(badSetting);
    }
    return Future.succeededFuture(builder.with(options).build());
  }

  @Override
  public StateStore stateStore() {
    return stateStore;
  }

  @Override
  public DedupeStore dedupeStore() {
    return dedupeStore;
  }

  @Override
  public BotDataStore botDataStore() {
    return botDataStore;
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  @Override
  public MessageStatuses messageStatuses(Vertx vertx) {
    return messageStatuses;
  }
}
