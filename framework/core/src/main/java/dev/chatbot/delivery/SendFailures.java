package dev.chatbot.delivery;

import dev.chatbot.spi.SendFailure;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Which send failures are worth another attempt: the platform said so (429, 5xx), or the network failed. */
final class SendFailures {

  private SendFailures() {}

  /**
   * Retry a {@link SendFailure} the platform marked retryable, a timeout, a refused or reset connection. Anything
   * else (a permanent 4xx, a bug while rendering) fails the same way every time.
   */
  static boolean retryable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SendFailure sendFailure) {
        return sendFailure.retryable();
      }
      if (cause instanceof TimeoutException || cause instanceof IOException || cause instanceof HttpClosedException
          || cause instanceof io.vertx.circuitbreaker.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** The platform's {@code Retry-After}, when the failure carries one. */
  static Duration retryAfter(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SendFailure sendFailure) {
        return sendFailure.retryAfter();
      }
    }
    return null;
  }

  /** What the platform said (its error message), else the exception: kept with a dead letter. */
  static String platformError(Throwable failure) {
    if (failure instanceof SendFailure sendFailure && sendFailure.platformError() != null) {
      return sendFailure.platformError();
    }
    return describe(failure);
  }

  /** One line for the log: the platform's status and error message, or the exception. */
  static String describe(Throwable failure) {
    if (failure instanceof SendFailure sendFailure) {
      return sendFailure.getMessage();
    }
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.replace('"', '\''));
  }
}
