package dev.chatbot.bot;

import dev.chatbot.model.Message;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot instances of this process by name and event-loop thread. A bot is deployed once per event loop, so the
 * dispatcher can usually hand a message to the instance on its own thread: no event-bus hop, no context switch.
 * The event bus stays the way in for every other caller.
 */
public final class LocalBots implements Shareable {

  /** One bot instance's entry point. */
  @FunctionalInterface
  public interface Handler {
    Future<Void> handle(Message message, Conversation conversation);
  }

  private record Key(String bot, Thread thread) {}

  private final Map<Key, Handler> handlers = new ConcurrentHashMap<>();

  /** The registry of {@code vertx} (one per Vert.x instance, several can live in one JVM). */
  public static LocalBots of(Vertx vertx) {
    var map = vertx.sharedData().<String, LocalBots>getLocalMap("chatbot.local-bots");
    LocalBots existing = map.get("registry");
    if (existing != null) {
      return existing;
    }
    LocalBots created = new LocalBots();
    LocalBots raced = map.putIfAbsent("registry", created);
    return raced != null ? raced : created;
  }

  void register(String bot, Thread thread, Handler handler) {
    handlers.put(new Key(bot, thread), handler);
  }

  void unregister(String bot, Thread thread) {
    handlers.remove(new Key(bot, thread));
  }

  /** The instance of {@code bot} that runs on the calling thread, or null. */
  public Handler onThisThread(String bot) {
    return handlers.get(new Key(bot, Thread.currentThread()));
  }
}
