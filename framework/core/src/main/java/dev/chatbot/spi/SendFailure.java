package dev.chatbot.spi;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A platform answered a send with an error. {@link #retryable()} says whether trying again may help
 * (429, 5xx); {@link #retryAfter()} carries the platform's {@code Retry-After} when it gave one.
 */
public final class SendFailure extends RuntimeException {

  private final int status;
  private final String platformError;
  private final boolean retryable;
  private final Duration retryAfter;

  public SendFailure(int status, String platformError, boolean retryable, Duration retryAfter) {
    super("status=" + status + " error=" + platformError, null, false, false);
    this.status = status;
    this.platformError = platformError;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** The usual mapping of an HTTP error answer: 408, 429 and 5xx are worth retrying, other 4xx are not. */
  public static SendFailure fromHttp(int status, String platformError, String retryAfterHeader) {
    boolean retryable = status == 408 || status == 429 || status >= 500;
    return new SendFailure(status, platformError, retryable, parseRetryAfter(retryAfterHeader));
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  public static Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  public int status() {
    return status;
  }

  public String platformError() {
    return platformError;
  }

  public boolean retryable() {
    return retryable;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
