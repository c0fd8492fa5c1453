package dev.chatbot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Ids seen in the last {@code window}, bounded to {@code maxEntries} so a flood of unique ids cannot grow memory
 * without limit (the oldest go first).
 */
public final class MemoryDedupeStore implements DedupeStore {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
  public static final long DEFAULT_MAX_ENTRIES = 1_000_000;

  private final Cache<String, Boolean> seen;

  public MemoryDedupeStore(Duration window, long maxEntries) {
    this.seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxEntries).build();
  }

  public MemoryDedupeStore() {
    this(DEFAULT_WINDOW, DEFAULT_MAX_ENTRIES);
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    return Future.succeededFuture(seen.asMap().putIfAbsent(id, Boolean.TRUE) == null);
  }
}
