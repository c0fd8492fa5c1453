package dev.chatbot.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Runs {@code body} on an event loop and returns what its future ended with, and on which context. */
  private <T> CompletableFuture<Object[]> onEventLoop(java.util.function.Supplier<Future<T>> body) {
    CompletableFuture<Object[]> ended = new CompletableFuture<>();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(go -> body.get().onComplete(outcome -> ended.complete(
        new Object[] {outcome.succeeded() ? outcome.result() : outcome.cause(), Vertx.currentContext() == context})));
    return ended;
  }

  @Test
  void passesAResultThrough() throws Exception {
    Object[] ended = onEventLoop(() -> {
      Promise<String> later = Promise.promise(); // no context: the case Vert.x would time on its global thread
      vertx.setTimer(20, id -> later.complete("sent"));
      return Timeouts.within(later.future(), 5_000);
    }).get(10, TimeUnit.SECONDS);
    assertThat(ended[0]).isEqualTo("sent");
  }

  @Test
  void passesAFailureThrough() throws Exception {
    IllegalStateException refused = new IllegalStateException("refused");
    Object[] ended = onEventLoop(() -> {
      Promise<String> later = Promise.promise();
      vertx.setTimer(20, id -> later.fail(refused));
      return Timeouts.within(later.future(), 5_000);
    }).get(10, TimeUnit.SECONDS);
    assertThat(ended[0]).isSameAs(refused);
  }

  @Test
  void failsWithATimeoutOnTheCallersEventLoop() throws Exception {
    Object[] ended = onEventLoop(() -> Timeouts.within(Promise.<String>promise().future(), 50))
        .get(10, TimeUnit.SECONDS);
    assertThat(ended[0]).isInstanceOf(TimeoutException.class);
    assertThat(ended[1]).as("the deadline fired on the calling context").isEqualTo(true);
  }

  @Test
  void outsideAnyContextFallsBackToVertxOwnTimeout() throws Exception {
    Future<String> timed = Timeouts.within(Promise.<String>promise().future(), 50);
    Throwable failure = timed.toCompletionStage().toCompletableFuture().handle((result, error) -> error)
        .get(10, TimeUnit.SECONDS);
    assertThat(failure).isInstanceOf(TimeoutException.class);
  }
}
