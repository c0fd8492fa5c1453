package dev.chatbot.state;

import dev.chatbot.config.Settings;
import dev.chatbot.spi.StateBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;

/** {@code STATE_STORE=memory}, the default: one process, state in its heap, a plain (not clustered) Vert.x. */
public final class MemoryStateBackend implements StateBackend {

  public static final String NAME = "memory";

  private final StateStore stateStore = new MemoryStateStore();
  private final BotDataStore botDataStore = new MemoryBotDataStore();
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
}
