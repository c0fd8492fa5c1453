package dev.chatbot.testkit;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for a Vert.x {@link Future} in a test thread (never on an event loop), bounded, so a test fails with the
 * reason instead of hanging.
 *
 * <pre>{@code
 * Futures.await(server.server().dispatcher().idle());
 * SendFailure failure = Futures.failure(adapter.send(to, reply), SendFailure.class);
 * }</pre>
 */
public final class Futures {

  public static final Duration WAIT = Duration.ofSeconds(15);

  private Futures() {}

  /** The result, or an {@link AssertionError} carrying the failure (or the timeout). */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    } catch (CompletionException e) {
      throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
    }
  }

  /** The failure, which must be a {@code type}; an {@link AssertionError} when the future succeeds. */
  public static <E extends Throwable> E failure(Future<?> future, Class<E> type) {
    Throwable cause = future.toCompletionStage().toCompletableFuture().orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .handle((result, failure) -> failure).join();
    if (cause instanceof CompletionException) {
      cause = cause.getCause();
    }
    if (!type.isInstance(cause)) {
      throw new AssertionError("expected a " + type.getSimpleName() + " but the future "
          + (cause == null ? "succeeded" : "failed with " + cause), cause);
    }
    return type.cast(cause);
  }
}
