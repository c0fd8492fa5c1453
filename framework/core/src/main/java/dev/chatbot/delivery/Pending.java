package dev.chatbot.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** Counts work in progress and tells waiters when there is none: what graceful shutdown waits on. */
final class Pending {

  private int count;
  private final List<Promise<Void>> waiters = new ArrayList<>();

  synchronized void start() {
    count++;
  }

  void finish() {
    List<Promise<Void>> done;
    synchronized (this) {
      if (--count > 0) {
        return;
      }
      done = new ArrayList<>(waiters);
      waiters.clear();
    }
    done.forEach(Promise::tryComplete);
  }

  synchronized int count() {
    return count;
  }

  synchronized Future<Void> idle() {
    if (count == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiters.add(promise);
    return promise.future();
  }
}
