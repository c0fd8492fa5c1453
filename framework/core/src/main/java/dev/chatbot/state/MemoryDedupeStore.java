package dev.chatbot.state;

import dev.chatbot.spi.Settings;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Ids seen in the last {@code window}, as 64-bit fingerprints in two generations of open-addressed {@code long}
 * tables ({@link FingerprintGenerations}). Every id costs one table slot and no object: a caching library keeps a
 * node, a key string and queue links per id, which at webhook rates is most of the garbage the server makes and the
 * old-generation churn that makes the JVM grow its heap (bench/README.md). So an id is remembered for at least
 * {@code window}, unless more than {@code maxEntries} newer ids came in since, and memory stays below about 64 bytes
 * per entry of the bound, whatever arrives.
 *
 * <p>Two different ids are taken for the same one only if their fingerprints collide: with 500,000 ids
 * remembered, a new id has a chance of about 3 in 10^14 of that.
 */
public final class MemoryDedupeStore implements DedupeStore {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
  /** A full ten-minute window at 416 messages a second: more than one replica's default send limits answer. */
  public static final long DEFAULT_MAX_ENTRIES = 250_000;
  /** SPEC §4: redeliveries come for minutes (Slack retries after 1 and 5 minutes), so never less than 10. */
  public static final int MIN_WINDOW_SECONDS = 600;

  private static final Future<Boolean> FIRST = Future.succeededFuture(true);
  private static final Future<Boolean> REPEAT = Future.succeededFuture(false);

  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final FingerprintGenerations generations;

  /** {@code nanoClock} is {@link System#nanoTime} but in tests. */
  MemoryDedupeStore(Duration window, long maxEntries, LongSupplier nanoClock) {
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
    this.generations = new FingerprintGenerations(windowNanos, maxEntries, nanoClock.getAsLong());
  }

  public MemoryDedupeStore(Duration window, long maxEntries) {
    this(window, maxEntries, System::nanoTime);
  }

  public MemoryDedupeStore() {
    this(DEFAULT_WINDOW, DEFAULT_MAX_ENTRIES);
  }

  /** From {@code DEDUPE_WINDOW_SECONDS} (at least 600) and {@code DEDUPE_MAX_ENTRIES}. */
  public static MemoryDedupeStore from(Settings settings) {
    return new MemoryDedupeStore(window(settings), maxEntries(settings));
  }

  /** {@code DEDUPE_WINDOW_SECONDS}: at least 600, at most a day. */
  public static Duration window(Settings settings) {
    return Duration.ofSeconds(
        settings.getInt("DEDUPE_WINDOW_SECONDS", (int) DEFAULT_WINDOW.toSeconds(), MIN_WINDOW_SECONDS, 86_400));
  }

  /** {@code DEDUPE_MAX_ENTRIES}: 1,000 to 100,000,000. */
  public static int maxEntries(Settings settings) {
    return settings.getInt("DEDUPE_MAX_ENTRIES", (int) DEFAULT_MAX_ENTRIES, 1_000, 100_000_000);
  }

  /** How long an id is remembered at least. */
  public Duration window() {
    return Duration.ofNanos(windowNanos);
  }

  /** Ids currently remembered, for tests and diagnostics. */
  public synchronized long size() {
    return generations.size();
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    return remember(fingerprint(id)) ? FIRST : REPEAT;
  }

  @Override
  public Future<Void> forget(String id, String conversationKey) {
    forget(fingerprint(id));
    return Future.succeededFuture();
  }

  /** Forgets a {@link #fingerprint}. */
  public synchronized void forget(long fingerprint) {
    generations.forget(fingerprint);
  }

  /** Remembers a {@link #fingerprint}; false when it was already there (a repeat). */
  public synchronized boolean remember(long fingerprint) {
    return generations.remember(fingerprint, nanoClock.getAsLong());
  }

  /** 64-bit FNV-1a over the characters, then SplitMix64's finalizer so the low bits (the slot) are well mixed. */
  public static long fingerprint(String id) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
    }
    hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
    hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
    hash ^= hash >>> 31;
    return hash == 0 ? 1 : hash; // 0 marks an empty slot
  }
}
