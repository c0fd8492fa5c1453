package dev.chatbot.cluster;

import com.hazelcast.map.IMap;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes to one journal entry, gathered and written as one {@link Journal.Apply} at a time: what arrives while a
 * write is under way goes in the next one. So a member pays one operation and one backup round trip for all the
 * messages it keeps, counts and finishes in that time, and the more it has to do, the more each write carries.
 *
 * <p>One write at a time also keeps them in order: two writes issued together may land out of order while the entry's
 * partition migrates (Hazelcast retries the one that met the migration and not the other), and a removal overtaken by
 * the keep before it would bring a finished message back.
 *
 * <p>Why by hand: Hazelcast batches nothing across operations; its operations are per key, each with its own backup.
 */
final class JournalWriter {

  private final Vertx vertx;
  private final IMap<String, Journal> map;
  private final String key;
  private final String self;
  private final Journal.Bounds bounds;
  private Journal.Apply next;
  /** Who waits for the next write, and where to tell them. */
  private final Map<Context, List<Promise<Void>>> waiting = new LinkedHashMap<>();
  private boolean writing;
  private boolean scheduled;
  /** The last event loop that gave changes: where a write that waited for the one before it starts. */
  private Context home;

  JournalWriter(Vertx vertx, IMap<String, Journal> map, String key, String self, Journal.Bounds bounds) {
    this.vertx = vertx;
    this.map = map;
    this.key = key;
    this.self = self;
    this.bounds = bounds;
    this.next = new Journal.Apply(self, bounds);
  }

  String key() {
    return key;
  }

  /**
   * Remembers an id seen first, in conversation partition {@code partition}; nobody waits for it: the keep of its
   * message, asked for in the same event-loop task, goes in the same write.
   */
  synchronized void seen(int partition, long fingerprint) {
    next.seen(partition, fingerprint);
    schedule();
  }

  /** Keeps a message; completes once it and its backups are written. */
  Future<Void> keep(long id, String conversation, String json) {
    synchronized (this) {
      next.keep(id, conversation, json);
      return waitForNext();
    }
  }

  /** Raises the settled count of message {@code id}; nobody waits for it. */
  synchronized void settle(long id, int count) {
    next.settle(id, count);
    schedule();
  }

  /** Completes once the settled count of {@code id} waiting here (if any) is written. */
  synchronized Future<Void> settleWritten(long id) {
    return next.settles(id) ? waitForNext() : Future.succeededFuture();
  }

  /** Forgets message {@code id}; completes once that is written. */
  synchronized Future<Void> done(long id) {
    next.done(id);
    return waitForNext();
  }

  private Future<Void> waitForNext() {
    Context context = Vertx.currentContext();
    Promise<Void> promise = Promise.promise();
    waiting.computeIfAbsent(context, c -> new ArrayList<>()).add(promise);
    schedule();
    return promise.future();
  }

  /**
   * Writes at the end of the caller's event-loop task, so the changes of that task go together; or, when a write is
   * under way, once it completes.
   */
  private void schedule() {
    if (writing || scheduled) {
      Context context = Vertx.currentContext();
      if (context != null) {
        home = context;
      }
      return;
    }
    scheduled = true;
    Context context = Vertx.currentContext();
    if (context == null) {
      write();
    } else {
      home = context;
      context.runOnContext(end -> write());
    }
  }

  private void write() {
    Journal.Apply apply;
    Map<Context, List<Promise<Void>>> told;
    synchronized (this) {
      scheduled = false;
      if (writing || next.isEmpty()) {
        return;
      }
      writing = true;
      apply = next;
      apply.at(System.currentTimeMillis());
      next = new Journal.Apply(self, bounds);
      told = new LinkedHashMap<>(waiting);
      waiting.clear();
    }
    map.submitToKey(key, apply).whenCompleteAsync((nothing, failure) -> {
      told.forEach((context, promises) -> tell(context, promises, failure));
      synchronized (this) {
        writing = false;
        if (!next.isEmpty() && !scheduled) {
          scheduled = true;
          // Not from here: the thread that completed the write may be one of Hazelcast's IO threads, which must
          // not start operations.
          (home != null ? home : vertx.getOrCreateContext()).runOnContext(again -> write());
        }
      }
    }, Runnable::run);
  }

  private static void tell(Context context, List<Promise<Void>> promises, Throwable failure) {
    Runnable complete = () -> promises.forEach(promise -> {
      if (failure == null) {
        promise.tryComplete();
      } else {
        promise.tryFail(failure);
      }
    });
    if (context == null) {
      complete.run();
    } else {
      context.runOnContext(tick -> complete.run());
    }
  }
}
