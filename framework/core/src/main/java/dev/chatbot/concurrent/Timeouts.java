package dev.chatbot.concurrent;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * {@link Future#timeout} with its timer on the caller's event loop. Vert.x schedules the deadline of a future that
 * carries no context ({@code Future.succeededFuture().compose(...)}, a {@link Promise#promise()}) on Netty's
 * {@code GlobalEventExecutor}: one thread for the whole JVM, woken to set the deadline and again to cancel it. On the
 * message path that was two thread hand-offs per deadline, most of the product's futex calls (bench/README.md,
 * session 6). A timer of the calling event loop is set and cancelled in place.
 */
public final class Timeouts {

  private Timeouts() {}

  /** {@code future}, or a failure with a {@link java.util.concurrent.TimeoutException} after {@code millis}. */
  public static <T> Future<T> within(Future<T> future, long millis) {
    Context context = Vertx.currentContext();
    if (future.isComplete() || context == null) {
      return future.timeout(millis, TimeUnit.MILLISECONDS);
    }
    Promise<T> result = Promise.promise();
    // A timer of the calling event loop's own Netty queue: unlike setTimer, no entry in Vert.x's JVM-wide timer map
    // and no shared id counter, two cache lines every event loop would write per deadline.
    Timer deadline = context.owner().timer(millis, TimeUnit.MILLISECONDS);
    deadline.onSuccess(fired -> result.tryFail(new NoStackTraceTimeoutException("Timeout " + millis + " (ms) fired")));
    future.onComplete(outcome -> {
      deadline.cancel();
      if (outcome.succeeded()) {
        result.tryComplete(outcome.result());
      } else {
        result.tryFail(outcome.cause());
      }
    });
    return result.future();
  }
}
