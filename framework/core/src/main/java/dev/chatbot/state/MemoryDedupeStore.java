package dev.chatbot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatbot.config.Settings;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Ids seen in the last {@code window}, bounded to {@code maxEntries} so a flood of unique ids cannot grow memory
 * without limit. Past the bound Caffeine's size policy picks what to forget, so keep the bound above a window's
 * worth of traffic ({@link #DEFAULT_MAX_ENTRIES}); docs/delivery.md has the memory per id.
 */
public final class MemoryDedupeStore implements DedupeStore {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
  /**
   * About 235 bytes per id of Messenger's length (measured: 22.5 MiB for 100,000), so about 57 MiB at most; that
   * holds a full ten-minute window of 416 messages a second, more than one replica's send limits let it answer.
   */
  public static final long DEFAULT_MAX_ENTRIES = 250_000;
  /** SPEC §4: redeliveries come for minutes (Slack retries after 1 and 5 minutes), so never less than 10. */
  public static final int MIN_WINDOW_SECONDS = 600;

  private final Cache<String, Boolean> seen;

  public MemoryDedupeStore(Duration window, long maxEntries) {
    this.seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxEntries).build();
  }

  public MemoryDedupeStore() {
    this(DEFAULT_WINDOW, DEFAULT_MAX_ENTRIES);
  }

  /** From {@code DEDUPE_WINDOW_SECONDS} (at least 600) and {@code DEDUPE_MAX_ENTRIES}. */
  public static MemoryDedupeStore from(Settings settings) {
    int window = settings.getInt("DEDUPE_WINDOW_SECONDS", (int) DEFAULT_WINDOW.toSeconds(), MIN_WINDOW_SECONDS, 86_400);
    int maxEntries = settings.getInt("DEDUPE_MAX_ENTRIES", (int) DEFAULT_MAX_ENTRIES, 1_000, 100_000_000);
    return new MemoryDedupeStore(Duration.ofSeconds(window), maxEntries);
  }

  /** Ids currently remembered (approximate, for tests and diagnostics). */
  public long size() {
    return seen.estimatedSize();
  }

  /** Runs pending expiry and eviction now instead of on the next writes: for tests and measurements. */
  public void cleanUp() {
    seen.cleanUp();
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    return Future.succeededFuture(seen.asMap().putIfAbsent(id, Boolean.TRUE) == null);
  }
}
