package dev.chatbot.state;

import dev.chatbot.spi.Settings;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Ids seen in the last {@code window}, as 64-bit fingerprints in two generations of open-addressed {@code long}
 * tables. Every id costs one table slot and no object: a caching library keeps a node, a key string and
 * queue links per id, which at webhook rates is most of the garbage the server makes and the old-generation
 * churn that makes the JVM grow its heap (bench/README.md). The current generation takes new ids; it becomes the
 * previous one (and the old previous one is cleared and reused) once it is {@code window} old or holds
 * {@code maxEntries} ids. So an id is remembered for at least {@code window}, unless more than {@code maxEntries}
 * newer ids came in since, and memory stays below about 64 bytes per entry of the bound, whatever arrives.
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

  private static final int INITIAL_SLOTS = 1 << 12;
  private static final long EMPTY = 0;
  private static final Future<Boolean> FIRST = Future.succeededFuture(true);
  private static final Future<Boolean> REPEAT = Future.succeededFuture(false);

  private final long windowNanos;
  private final long maxEntries;
  private final int maxSlots;
  private final LongSupplier nanoClock;

  private long[] current = new long[INITIAL_SLOTS];
  private long[] previous = new long[INITIAL_SLOTS];
  private int currentSize;
  private int previousSize;
  private long currentSince;

  /** {@code nanoClock} is {@link System#nanoTime} but in tests. */
  MemoryDedupeStore(Duration window, long maxEntries, LongSupplier nanoClock) {
    this.windowNanos = window.toNanos();
    this.maxEntries = maxEntries;
    // Load factor at most one half, so a probe ends after a slot or two on average.
    this.maxSlots = Math.max(INITIAL_SLOTS, Integer.highestOneBit((int) Math.min(1 << 29, maxEntries * 2 - 1)) << 1);
    this.nanoClock = nanoClock;
    this.currentSince = nanoClock.getAsLong();
  }

  public MemoryDedupeStore(Duration window, long maxEntries) {
    this(window, maxEntries, System::nanoTime);
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

  /** How long an id is remembered at least. */
  public Duration window() {
    return Duration.ofNanos(windowNanos);
  }

  /** Ids currently remembered, for tests and diagnostics. */
  public synchronized long size() {
    return currentSize + previousSize;
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    return remember(fingerprint(id)) ? FIRST : REPEAT;
  }

  /** Remembers a {@link #fingerprint}; false when it was already there (a repeat). */
  public synchronized boolean remember(long fingerprint) {
    if (nanoClock.getAsLong() - currentSince >= windowNanos || currentSize >= maxEntries) {
      startGeneration();
    }
    if (contains(previous, fingerprint) || !insert(current, fingerprint)) {
      return false;
    }
    if (++currentSize * 2 > current.length && current.length < maxSlots) {
      current = doubled(current);
    }
    return true;
  }

  private void startGeneration() {
    long[] reused = previous;
    Arrays.fill(reused, EMPTY);
    previous = current;
    previousSize = currentSize;
    current = reused;
    currentSize = 0;
    currentSince = nanoClock.getAsLong();
  }

  private static boolean contains(long[] table, long fingerprint) {
    int mask = table.length - 1;
    for (int slot = (int) fingerprint & mask; table[slot] != EMPTY; slot = (slot + 1) & mask) {
      if (table[slot] == fingerprint) {
        return true;
      }
    }
    return false;
  }

  /** False when the fingerprint is already there. */
  private static boolean insert(long[] table, long fingerprint) {
    int mask = table.length - 1;
    int slot = (int) fingerprint & mask;
    for (; table[slot] != EMPTY; slot = (slot + 1) & mask) {
      if (table[slot] == fingerprint) {
        return false;
      }
    }
    table[slot] = fingerprint;
    return true;
  }

  private static long[] doubled(long[] table) {
    long[] bigger = new long[table.length * 2];
    for (long fingerprint : table) {
      if (fingerprint != EMPTY) {
        insert(bigger, fingerprint);
      }
    }
    return bigger;
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
    return hash == EMPTY ? 1 : hash;
  }
}
