package dev.chatbot.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/** Hazelcast's asynchronous map operations as Vert.x futures, completed back on the caller's context. */
final class Hz {

  private Hz() {}

  static <T> Future<T> future(CompletionStage<T> stage) {
    Context context = Vertx.currentContext();
    return context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context);
  }
}
