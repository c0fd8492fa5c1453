package dev.chatbot.state.file;

import dev.chatbot.spi.ConfigException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one store file under {@code DATA_DIR} (H2's MVStore: a copy-on-write B-tree in a single file), written by one
 * thread of its own so no event loop ever waits on the disk.
 *
 * <p>Writes are units ({@link #write}): whatever units queued up while the previous commit was being written are
 * applied together and committed at once (group commit), and their futures complete once that commit is in the
 * operating system's hands, which is what a process kill cannot take away. {@code fsync} runs every
 * {@code syncMillis} on another thread, so only a power cut (or a kernel crash) can lose the writes of that last
 * interval. A unit is atomic: a crash keeps all of it or none of it.
 */
final class DataFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DataFile.class);
  static final String FILE_NAME = "chatbot.mv.db";
  /** Units applied per commit at most, so a burst still completes its first futures soon. */
  private static final int MAX_BATCH = 4096;
  /**
   * Commits start at most this often unless one client waits alone. Each MVStore commit writes a chunk (the changed
   * pages of every map touched, and the store's own metadata): about 100 µs of CPU whether it carries one message or
   * fifty, so gathering what arrives within this interval divides that cost. See {@link #gather}.
   */
  private static final long COMMIT_INTERVAL_NANOS = 2_000_000;

  /** A file written next to the store: flushed before each commit, forced with each sync, closed with the store. */
  interface Alongside extends AutoCloseable {
    /** On the writer thread, before a commit: what was queued goes to the operating system. */
    void flush() throws IOException;

    /** On the sync thread: forced to the disk. */
    void force() throws IOException;

    @Override
    void close() throws IOException;
  }

  /** {@code done}: a client waits for this commit (a webhook's {@code 200}, an admin answer); null: nobody does. */
  private record Unit(Runnable change, Promise<Void> done, Context context) {
    boolean urgent() {
      return done != null;
    }
  }

  private final MVStore store;
  private final Queue<Unit> queue = new ConcurrentLinkedQueue<>();
  /** Units a client waits for that are queued and not yet taken by the writer. */
  private final AtomicInteger urgentQueued = new AtomicInteger();
  /**
   * The writer, gathering, is woken once this many such units are queued, not by each unit: a wake-up per unit
   * (a futex call on the event loop that queued it and a context switch for the writer) cost more than the commit.
   */
  private volatile int wakeAtUrgent = Integer.MAX_VALUE;
  /** The writer found the queue empty and waits for anything at all. */
  private volatile boolean idle;
  private final Thread writer;
  private final List<Alongside> alongside = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Runnable> beforeCommit = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Changes for the commit after the current one (writer thread only): {@link #withNextCommit}. */
  private List<Runnable> riders = new ArrayList<>();
  private final ScheduledExecutorService syncer;
  private volatile boolean closing;
  private volatile long commits;
  private volatile long syncedCommits;

  private DataFile(MVStore store, long syncMillis) {
    this.store = store;
    this.writer = new Thread(this::writeLoop, "chatbot-data-writer");
    this.syncer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "chatbot-data-sync");
      thread.setDaemon(true);
      return thread;
    });
    writer.setDaemon(true);
    writer.start();
    syncer.scheduleWithFixedDelay(this::sync, syncMillis, syncMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens (creating if needed) the store in {@code dir}. A second process on the same directory, or a store that is
   * corrupt beyond what MVStore recovers by itself (it falls back to the last complete commit), is a
   * {@link ConfigException} naming {@code DATA_DIR}: the server never starts on an empty store by mistake.
   */
  static DataFile open(Path dir, long syncMillis) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new ConfigException("DATA_DIR " + absolute + " cannot be created: " + e.getMessage());
    }
    if (!Files.isWritable(absolute)) {
      throw new ConfigException("DATA_DIR " + absolute + " is not writable");
    }
    Path file = absolute.resolve(FILE_NAME);
    try {
      MVStore store = new MVStore.Builder()
          .fileName(file.toString())
          .autoCommitDisabled() // commits are ours: one per group of units, never half a unit
          .cacheSize(16)
          .open();
      // Space of chunks no longer used is reused after this long. MVStore's default (45 s) assumes nobody forces the
      // file to disk; we do every syncMillis, and a commit synced since needs no older chunk. Without this, every
      // commit of the last 45 s stays in the file: gigabytes under load.
      store.setRetentionTime((int) Math.max(2_000, 2 * syncMillis));
      return new DataFile(store, syncMillis);
    } catch (MVStoreException e) {
      if (e.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
        throw new ConfigException("DATA_DIR " + absolute + " is in use by another process (one process per DATA_DIR)");
      }
      throw new ConfigException("DATA_DIR " + absolute + " holds a store that cannot be read (" + firstLine(e)
          + "): restore " + FILE_NAME + " from a backup, or move it away to start empty");
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ConfigException("DATA_DIR " + absolute + " holds a store that cannot be read (" + firstLine(e)
          + "): restore " + FILE_NAME + " from a backup, or move it away to start empty");
    }
  }

  /** Writes {@code file} with every commit from now on; call before the first write that depends on it. */
  void alongside(Alongside file) {
    alongside.add(file);
  }

  /**
   * Runs {@code change} on the writer thread before each commit, after the commit's units: for a change that
   * depends on what the whole group of units did (and is left out when they cancel each other).
   */
  void beforeCommit(Runnable change) {
    beforeCommit.add(change);
  }

  boolean hasMap(String name) {
    return store.hasMap(name);
  }

  <K, V> MVMap<K, V> map(String name) {
    return store.openMap(name);
  }

  /**
   * Queues {@code change} (run on the writer thread, touching only this store's maps) and completes once it is
   * committed, on the caller's context. A change that throws fails its own future and is left out of the commit's
   * other units' way.
   */
  Future<Void> write(Runnable change) {
    Context context = Vertx.currentContext();
    Promise<Void> done = Promise.promise();
    if (closing) {
      return Future.failedFuture(new IllegalStateException("the data store is closed"));
    }
    enqueue(new Unit(change, done, context));
    return done.future();
  }

  /**
   * {@link #write} for a change nobody waits for (a handled message's cleanup, a reply's progress): no future, no hop back to an
   * event loop. Units still commit in queue order, so a later waited-for unit implies this one.
   */
  void writeLater(Runnable change) {
    if (!closing) {
      enqueue(new Unit(change, null, null));
    }
  }

  /**
   * From a unit, on the writer thread: {@code change} is applied with the next commit after the one this unit goes
   * with, whenever that comes, and never causes a commit of its own (a quiet store leaves it for the next write, or
   * for closing). For what must land strictly after this unit's commit, at no cost of its own.
   */
  void withNextCommit(Runnable change) {
    riders.add(change);
  }

  private void enqueue(Unit unit) {
    queue.add(unit);
    if ((unit.urgent() && urgentQueued.incrementAndGet() >= wakeAtUrgent) || idle) {
      LockSupport.unpark(writer);
    }
  }

  private void writeLoop() {
    List<Unit> batch = new ArrayList<>();
    long lastCommit = 0;
    int lastUrgent = 0;
    while (true) {
      if (queue.isEmpty()) {
        if (closing) {
          if (!riders.isEmpty()) {
            ride();
            commit();
          }
          return;
        }
        idle = true;
        if (queue.isEmpty()) { // checked again after saying so: a unit queued meanwhile has unparked us
          LockSupport.parkNanos(this, 100_000_000);
        }
        idle = false;
        continue;
      }
      if (!closing) {
        gather(lastCommit + COMMIT_INTERVAL_NANOS, Math.max(1, lastUrgent));
      }
      lastUrgent = take(batch);
      lastCommit = System.nanoTime();
      ride();
      List<Throwable> failures = new ArrayList<>(batch.size());
      for (Unit unit : batch) {
        failures.add(apply(unit));
      }
      Throwable commitFailure = commit();
      for (int i = 0; i < batch.size(); i++) {
        Throwable failure = commitFailure != null ? commitFailure : failures.get(i);
        complete(batch.get(i), failure);
      }
      batch.clear();
    }
  }

  /**
   * Waits until {@code until} (a {@link System#nanoTime} value) or until {@code expected} units a client waits for
   * are queued. {@code expected} is how many the previous commit carried: a commit that answered many clients is
   * followed by their next requests, so the next one waits (a little) to carry them all, while one client at a time
   * is committed at once, with no wait added. Background writes alone (a handled message's cleanup) wait the whole
   * interval.
   */
  private void gather(long until, int expected) {
    wakeAtUrgent = expected;
    for (long left = until - System.nanoTime(); left > 0 && urgentQueued.get() < expected;
        left = until - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
    }
    wakeAtUrgent = Integer.MAX_VALUE;
  }

  /** Moves what is queued (at most {@link #MAX_BATCH} units) to {@code batch}; returns how many are urgent. */
  private int take(List<Unit> batch) {
    int urgent = 0;
    for (Unit unit = queue.poll(); unit != null; unit = batch.size() < MAX_BATCH ? queue.poll() : null) {
      batch.add(unit);
      if (unit.urgent()) {
        urgent++;
      }
    }
    urgentQueued.addAndGet(-urgent);
    return urgent;
  }

  /** Applies the changes that waited for a commit after their own; those they add wait for the next one. */
  private void ride() {
    List<Runnable> now = riders;
    riders = new ArrayList<>();
    for (Runnable change : now) {
      try {
        change.run();
      } catch (RuntimeException e) {
        LOG.warn("data store change not recorded error=\"{}\"", firstLine(e));
      }
    }
  }

  private static Throwable apply(Unit unit) {
    try {
      unit.change().run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private Throwable commit() {
    try {
      beforeCommit.forEach(Runnable::run);
      for (Alongside file : alongside) {
        file.flush();
      }
      store.commit();
      commits++;
      return null;
    } catch (RuntimeException | IOException e) {
      LOG.error("data store commit failed error=\"{}\"", firstLine(e));
      return e;
    }
  }

  private static void complete(Unit unit, Throwable failure) {
    if (unit.done() == null) {
      if (failure != null) {
        LOG.warn("data store change not recorded error=\"{}\"", firstLine(failure));
      }
      return;
    }
    Runnable completion = failure == null ? () -> unit.done().complete() : () -> unit.done().fail(failure);
    if (unit.context() != null) {
      unit.context().runOnContext(v -> completion.run());
    } else {
      completion.run();
    }
  }

  private void sync() {
    long committed = commits;
    if (committed != syncedCommits) {
      try {
        for (Alongside file : alongside) {
          file.force();
        }
        store.sync();
        syncedCommits = committed;
      } catch (RuntimeException | IOException e) {
        LOG.error("data store sync failed error=\"{}\"", firstLine(e));
      }
    }
  }

  /** Rewrites sparsely used parts of the file so its size follows the live data; run on the writer thread. */
  void compact() {
    store.compact(80, 16 << 20);
  }

  /** Size of the store file in bytes, for diagnostics. */
  long fileSize() {
    return store.getFileStore().size();
  }

  /** Finishes every queued unit, syncs and closes the file (a clean shutdown). */
  @Override
  public void close() {
    closing = true;
    LockSupport.unpark(writer);
    try {
      writer.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Not shutdownNow: an interrupt in the middle of a force closes the file channel under MVStore, and the store
    // then fails to close cleanly ("Could not sync file").
    syncer.shutdown();
    try {
      syncer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Alongside file : alongside) {
      try {
        file.close();
      } catch (IOException e) {
        LOG.error("data store file not closed error=\"{}\"", firstLine(e));
      }
    }
    store.close();
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
