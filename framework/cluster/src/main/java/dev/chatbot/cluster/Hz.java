package dev.chatbot.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/**
 * Hazelcast's asynchronous map operations as Vert.x futures, completed back on the caller's context.
 *
 * <p>Why by hand rather than {@code Future.fromCompletionStage}: that registers with {@code whenComplete}, and
 * Hazelcast runs such callbacks on its default asynchronous executor, which is {@code ForkJoinPool.commonPool()}
 * when the common pool has two threads or more, and otherwise a new thread per callback. On a two-core machine the
 * common pool has one thread, so every map operation started and ended a thread (seen with JFR's thread events:
 * about a thousand in 17 s on one member, which then spent most of its CPU time outside Java code). The callback
 * here runs on the Hazelcast thread that completed the operation and only hands the result to the caller's event
 * loop.
 */
final class Hz {

  private Hz() {}

  static <T> Future<T> future(CompletionStage<T> stage) {
    Context context = Vertx.currentContext();
    Promise<T> promise = Promise.promise();
    stage.whenCompleteAsync((value, failure) -> {
      if (context == null) {
        complete(promise, value, failure);
      } else {
        context.runOnContext(tick -> complete(promise, value, failure));
      }
    }, Runnable::run);
    return promise.future();
  }

  private static <T> void complete(Promise<T> promise, T value, Throwable failure) {
    if (failure == null) {
      promise.tryComplete(value);
    } else {
      promise.tryFail(failure);
    }
  }
}
