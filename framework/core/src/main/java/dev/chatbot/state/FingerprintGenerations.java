package dev.chatbot.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Id fingerprints (see {@link MemoryDedupeStore#fingerprint}) in two generations of open-addressed {@code long}
 * tables: the current generation takes new ones; it becomes the previous one (and the old previous one is cleared
 * and reused) once it is {@code window} old or holds {@code maxEntries}. So a fingerprint is remembered for at least
 * {@code window}, unless more than {@code maxEntries} newer ones came in since, and every one costs a table slot and
 * no object. Time is whatever clock the caller passes, in the unit of {@code window}, so the same sequence of calls
 * gives the same result on another machine (a cluster's backup copy applies the calls of the primary). Not
 * thread-safe: the owner serialises the calls.
 */
public final class FingerprintGenerations {

  private static final int INITIAL_SLOTS = 1 << 6;
  private static final long EMPTY = 0;

  private final long window;
  private final long maxEntries;
  private final int maxSlots;

  private long[] current = new long[INITIAL_SLOTS];
  private long[] previous = new long[INITIAL_SLOTS];
  private int currentSize;
  private int previousSize;
  private long currentSince;

  public FingerprintGenerations(long window, long maxEntries, long now) {
    this.window = window;
    this.maxEntries = maxEntries;
    // Load factor at most one half, so a probe ends after a slot or two on average.
    this.maxSlots = Math.max(INITIAL_SLOTS, Integer.highestOneBit((int) Math.min(1 << 29, maxEntries * 2 - 1)) << 1);
    this.currentSince = now;
  }

  /** Remembers a fingerprint (never 0); false when it was already there (a repeat). */
  public boolean remember(long fingerprint, long now) {
    if (now - currentSince >= window || currentSize >= maxEntries) {
      startGeneration(now);
    }
    if (contains(previous, fingerprint) || !insert(current, fingerprint)) {
      return false;
    }
    if (++currentSize * 2 > current.length && current.length < maxSlots) {
      current = doubled(current);
    }
    return true;
  }

  /**
   * Forgets a fingerprint, so the id is new again: for a message acknowledged as not kept (its keep failed), whose
   * redelivery must not be taken for a repeat.
   */
  public void forget(long fingerprint) {
    if (remove(current, fingerprint)) {
      currentSize--;
    }
    if (remove(previous, fingerprint)) {
      previousSize--;
    }
  }

  /**
   * True once every fingerprint here is older than the window: the current generation takes new ones for at most a
   * window after it started, so two windows after that it holds none younger than one.
   */
  public boolean outlived(long now) {
    return now - currentSince >= 2 * window;
  }

  /** Each fingerprint remembered, the previous generation's first. */
  public void forEach(LongConsumer action) {
    for (long[] table : new long[][] {previous, current}) {
      for (long fingerprint : table) {
        if (fingerprint != EMPTY) {
          action.accept(fingerprint);
        }
      }
    }
  }

  /** Fingerprints remembered now. */
  public long size() {
    return currentSize + previousSize;
  }

  /** The bounds and the fingerprints, not the tables' empty slots. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(window);
    out.writeLong(maxEntries);
    out.writeLong(currentSince);
    writeTable(out, previous, previousSize);
    writeTable(out, current, currentSize);
  }

  /** What {@link #writeTo} wrote. */
  public static FingerprintGenerations readFrom(DataInput in) throws IOException {
    FingerprintGenerations read = new FingerprintGenerations(in.readLong(), in.readLong(), in.readLong());
    read.previousSize = in.readInt();
    read.previous = readTable(in, read.previousSize);
    read.currentSize = in.readInt();
    read.current = readTable(in, read.currentSize);
    return read;
  }

  private void startGeneration(long now) {
    long[] reused = previous;
    Arrays.fill(reused, EMPTY);
    previous = current;
    previousSize = currentSize;
    current = reused;
    currentSize = 0;
    currentSince = now;
  }

  private static void writeTable(DataOutput out, long[] table, int size) throws IOException {
    out.writeInt(size);
    for (long fingerprint : table) {
      if (fingerprint != EMPTY) {
        out.writeLong(fingerprint);
      }
    }
  }

  private static long[] readTable(DataInput in, int size) throws IOException {
    int slots = INITIAL_SLOTS;
    while (size * 2 > slots) {
      slots <<= 1;
    }
    long[] table = new long[slots];
    for (int i = 0; i < size; i++) {
      insert(table, in.readLong());
    }
    return table;
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

  /**
   * Removes a fingerprint by backward shift: the ones after it in its run move up where their probe may start, so
   * every other fingerprint is still found before an empty slot.
   */
  private static boolean remove(long[] table, long fingerprint) {
    int mask = table.length - 1;
    int slot = (int) fingerprint & mask;
    while (table[slot] != fingerprint) {
      if (table[slot] == EMPTY) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    int hole = slot;
    for (int next = (hole + 1) & mask; table[next] != EMPTY; next = (next + 1) & mask) {
      int home = (int) table[next] & mask;
      // Moves up unless its home lies after the hole, up to it (cyclically): then it is found without passing it.
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        table[hole] = table[next];
        hole = next;
      }
    }
    table[hole] = EMPTY;
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
}
