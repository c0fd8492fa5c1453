package dev.chatbot.state.file;

import dev.chatbot.spi.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * The dedupe window's message ids, as the 8-byte fingerprints the in-heap window keeps, appended to files under
 * {@code DATA_DIR/dedupe}: one file per quarter of the window, named by the millisecond it was started, deleted once
 * everything in it is older than the window.
 *
 * <p>Why not a map in the store file: ids live for the whole window while everything else per message (inbox and
 * outbox entries) is gone within milliseconds. In a copy-on-write B-tree each filled page of ids stays alive in the
 * chunk it was written with and pins that chunk, so the file grew by about 2 KB per message and every commit paid
 * for the metadata of thousands of half-dead chunks. An append-only file of fixed-size records needs no engine: a
 * record cut short by a power cut is ignored when read back.
 */
final class DedupeLog implements DataFile.Alongside {

  static final String DIR = "dedupe";
  private static final String SUFFIX = ".ids";

  private final Path dir;
  private final long windowMillis;
  private final long segmentMillis;
  private long[] waiting = new long[1024];
  private int waitingCount;
  private FileChannel segment;
  private long segmentStart;
  private ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);

  DedupeLog(Path dataDir, long windowMillis) {
    this.dir = dataDir.resolve(DIR);
    this.windowMillis = windowMillis;
    this.segmentMillis = Math.max(1_000, windowMillis / 4);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException("DATA_DIR " + dataDir.toAbsolutePath() + " cannot hold " + DIR + ": " + e.getMessage());
    }
  }

  /** Reads back, oldest first, the fingerprints that may still be inside the window, and deletes older files. */
  void load(LongConsumer fingerprints) {
    dropOld();
    for (Path file : LogFiles.numbered(dir, SUFFIX)) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer records = ByteBuffer.wrap(bytes, 0, bytes.length - bytes.length % Long.BYTES);
        while (records.hasRemaining()) {
          fingerprints.accept(records.getLong());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /** Queues a fingerprint; any thread. It reaches the file with the store's next commit ({@link #flush}). */
  synchronized void append(long fingerprint) {
    if (waitingCount == waiting.length) {
      waiting = java.util.Arrays.copyOf(waiting, waiting.length * 2);
    }
    waiting[waitingCount++] = fingerprint;
  }

  /** On the store's writer thread, before it commits: hands the queued fingerprints to the operating system. */
  @Override
  public void flush() throws IOException {
    long[] records;
    int count;
    synchronized (this) {
      if (waitingCount == 0) {
        return;
      }
      records = waiting;
      count = waitingCount;
      waiting = new long[Math.max(1024, count)];
      waitingCount = 0;
    }
    FileChannel out = current();
    if (buffer.capacity() < count * Long.BYTES) {
      buffer = ByteBuffer.allocateDirect(count * Long.BYTES);
    }
    buffer.clear();
    for (int i = 0; i < count; i++) {
      buffer.putLong(records[i]);
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  /** Forces the current file to the disk (the store's sync interval). Any thread. */
  @Override
  public void force() throws IOException {
    FileChannel out;
    synchronized (this) {
      out = segment;
    }
    LogFiles.force(out);
  }

  /** Deletes the files whose every id is older than the window. */
  void dropOld() {
    long cutoff = System.currentTimeMillis() - windowMillis - segmentMillis;
    for (Path file : LogFiles.numbered(dir, SUFFIX)) {
      if (LogFiles.number(file, SUFFIX) < cutoff) {
        LogFiles.delete(file);
      }
    }
  }

  private FileChannel current() throws IOException {
    long now = System.currentTimeMillis();
    if (segment == null || now - segmentStart >= segmentMillis) {
      FileChannel next = FileChannel.open(dir.resolve(now + SUFFIX), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      FileChannel previous;
      synchronized (this) {
        previous = segment;
        segment = next;
        segmentStart = now;
      }
      if (previous != null) {
        previous.force(false);
        previous.close();
      }
    }
    return segment;
  }

  @Override
  public synchronized void close() throws IOException {
    if (segment != null) {
      segment.force(false);
      segment.close();
      segment = null;
    }
  }
}
