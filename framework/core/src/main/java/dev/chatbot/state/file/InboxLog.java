package dev.chatbot.state.file;

import dev.chatbot.spi.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * The inbox's messages as records appended to files under {@code DATA_DIR/inbox}: a message kept is a record with its
 * bytes, a message done is a record with its id. Written by the store's writer thread before each commit, like the
 * {@link DedupeLog}; a file is deleted once every message kept in it is done.
 *
 * <p>Why not a map in the store file: an inbox entry lives a few milliseconds (kept before the webhook's {@code 200},
 * done once its turn's replies went out). In MVStore's copy-on-write B-tree each put and remove rewrote pages, and
 * each commit a chunk and the store's table of chunks: most of the file store's cost per message. Here keeping a
 * message is one record handed to the operating system with the others of its commit, and done is 9 bytes. A file
 * whose last messages stay pending (a platform down for minutes) has them copied to the current file and is deleted,
 * so the directory holds about two files' worth. A record cut short by a power cut (checksum) ends that file's
 * reading.
 *
 * <p>All methods but {@link #force} run on the writer thread (or at open, before it starts).
 */
final class InboxLog implements DataFile.Alongside {

  static final String DIR = "inbox";
  private static final String SUFFIX = ".log";
  private static final byte KEEP = 'K';
  private static final byte DONE = 'D';
  private static final int KEEP_HEADER = 1 + Long.BYTES + Integer.BYTES + Integer.BYTES;
  private static final int DONE_SIZE = 1 + Long.BYTES;
  /** A file takes records until it is this large or this old; then the next one starts. */
  private static final long SEGMENT_BYTES = 16 << 20;
  private static final long SEGMENT_MILLIS = 30_000;

  private final Path dir;
  private final long segmentMillis;
  private final LongSupplier clock;
  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  private final Map<Long, Pending> pending = new HashMap<>();
  private ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
  private volatile FileChannel current;
  private long nextNumber;
  /** A write failed (a full disk): the current file may end in a torn record, after which nothing would be read. */
  private boolean torn;

  /** A file of the log; {@code open}: messages kept in it and not yet done. */
  private static final class Segment {
    final Path path;
    final long started;
    long bytes;
    int open;

    Segment(Path path, long started) {
      this.path = path;
      this.started = started;
    }
  }

  private static final class Pending {
    final byte[] bytes;
    Segment segment;

    Pending(byte[] bytes, Segment segment) {
      this.bytes = bytes;
      this.segment = segment;
    }
  }

  InboxLog(Path dataDir) {
    this(dataDir, SEGMENT_MILLIS, System::currentTimeMillis);
  }

  /** {@code segmentMillis}: how long a file takes records (pending messages are copied on after twice that). */
  InboxLog(Path dataDir, long segmentMillis, LongSupplier clock) {
    this.dir = dataDir.resolve(DIR);
    this.segmentMillis = segmentMillis;
    this.clock = clock;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException("DATA_DIR " + dataDir.toAbsolutePath() + " cannot hold " + DIR + ": " + e.getMessage());
    }
  }

  /** Reads every file, oldest first: the messages kept and not done, by id. */
  SortedMap<Long, byte[]> load() {
    SortedMap<Long, byte[]> kept = new TreeMap<>();
    for (Path file : LogFiles.numbered(dir, SUFFIX)) {
      nextNumber = Math.max(nextNumber, LogFiles.number(file, SUFFIX) + 1);
      try {
        ByteBuffer records = ByteBuffer.wrap(Files.readAllBytes(file));
        while (read(records, kept)) {
          // one record at a time
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return kept;
  }

  /** One record from {@code records} into {@code kept}; false at the end, or at a record cut short or damaged. */
  private static boolean read(ByteBuffer records, Map<Long, byte[]> kept) {
    if (records.remaining() < DONE_SIZE) {
      return false;
    }
    byte type = records.get();
    long id = records.getLong();
    if (type == DONE) {
      kept.remove(id);
      return true;
    }
    if (type != KEEP || records.remaining() < 2 * Integer.BYTES) {
      return false;
    }
    int length = records.getInt();
    int checksum = records.getInt();
    if (length < 0 || records.remaining() < length) {
      return false;
    }
    byte[] bytes = new byte[length];
    records.get(bytes);
    if (checksum(id, bytes) != checksum) {
      return false;
    }
    kept.put(id, bytes);
    return true;
  }

  /**
   * Starts writing: {@code stillPending} (what {@link #load} found, less what the caller knows is done) goes to a new
   * file, forced to the disk, and every older file is deleted.
   */
  void start(SortedMap<Long, byte[]> stillPending) {
    List<Path> old = LogFiles.numbered(dir, SUFFIX);
    Segment segment = startSegment();
    stillPending.forEach(this::keep);
    try {
      flush();
      current.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + segment.path, e);
    }
    old.forEach(LogFiles::delete);
  }

  /** Appends a kept message; it reaches the file with the next {@link #flush}. */
  void keep(long id, byte[] bytes) {
    Segment segment = segments.getLast();
    Pending previous = pending.put(id, new Pending(bytes, segment));
    if (previous != null) {
      previous.segment.open--;
    }
    segment.open++;
    room(KEEP_HEADER + bytes.length);
    buffer.put(KEEP).putLong(id).putInt(bytes.length).putInt(checksum(id, bytes)).put(bytes);
  }

  /** Appends that a message is done (nothing if it is not pending). */
  void done(long id) {
    Pending entry = pending.remove(id);
    if (entry != null) {
      entry.segment.open--;
      room(DONE_SIZE);
      buffer.put(DONE).putLong(id);
    }
  }

  /** Marks done every pending message whose bytes match {@code which}; returns how many. */
  int doneWhere(Predicate<byte[]> which) {
    List<Long> ids = new ArrayList<>();
    pending.forEach((id, entry) -> {
      if (which.test(entry.bytes)) {
        ids.add(id);
      }
    });
    ids.forEach(this::done);
    return ids.size();
  }

  /**
   * Copies every pending message to a new file and deletes the others now, not when they would be retired: after an
   * erasure, so the erased messages' bytes leave the disk.
   */
  void rewrite() throws IOException {
    flush();
    startSegment();
    carry(segment -> true);
  }

  int size() {
    return pending.size();
  }

  @Override
  public void flush() throws IOException {
    if (torn) { // everything pending goes to a new file, and the torn one is deleted
      torn = false;
      startSegment();
      carry(segment -> true);
    }
    write();
    Segment last = segments.getLast();
    if (last.bytes >= SEGMENT_BYTES || clock.getAsLong() - last.started >= segmentMillis) {
      startSegment();
      carry(segment -> clock.getAsLong() - segment.started >= 2 * segmentMillis);
    }
  }

  /**
   * Deletes the older files whose messages are all done; those matching {@code old} that still hold pending messages
   * have them copied to the current file first (forced to the disk before any file is deleted).
   */
  private void carry(Predicate<Segment> old) throws IOException {
    Segment last = segments.getLast();
    List<Segment> retired = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment != last && (segment.open == 0 || old.test(segment))) {
        retired.add(segment);
      }
    }
    boolean copied = false;
    for (Segment segment : retired) {
      if (segment.open > 0) {
        List<Map.Entry<Long, Pending>> theirs = pending.entrySet().stream()
            .filter(entry -> entry.getValue().segment == segment).sorted(Map.Entry.comparingByKey()).toList();
        theirs.forEach(entry -> keep(entry.getKey(), entry.getValue().bytes));
        copied = true;
      }
    }
    if (copied) {
      write();
      current.force(false);
    }
    for (Segment segment : retired) {
      segments.remove(segment);
      LogFiles.delete(segment.path);
    }
  }

  private void write() throws IOException {
    buffer.flip();
    segments.getLast().bytes += buffer.remaining();
    try {
      while (buffer.hasRemaining()) {
        current.write(buffer);
      }
    } catch (IOException e) {
      torn = true;
      throw e;
    } finally {
      buffer.clear();
    }
  }

  private void room(int bytes) {
    if (buffer.remaining() < bytes) {
      ByteBuffer larger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
      buffer.flip();
      larger.put(buffer);
      buffer = larger;
    }
  }

  private Segment startSegment() {
    Path path = dir.resolve(String.format("%012d", nextNumber++) + SUFFIX);
    try {
      FileChannel previous = current;
      current = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (previous != null) {
        previous.force(false);
        previous.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
    Segment segment = new Segment(path, clock.getAsLong());
    segments.add(segment);
    return segment;
  }

  /** On the sync thread: the current file to the disk. */
  @Override
  public void force() throws IOException {
    LogFiles.force(current);
  }

  @Override
  public void close() throws IOException {
    FileChannel out = current;
    if (out != null) {
      out.force(false);
      out.close();
      current = null;
    }
  }

  private static int checksum(long id, byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
