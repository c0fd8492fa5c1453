package dev.chatbot.adapters.meta;

import dev.chatbot.spi.SendFailure;
import io.vertx.core.buffer.Buffer;
import java.util.Set;

/**
 * Maps a failed Graph API answer to a {@link SendFailure}. Meta often reports throttling with a 400 or 403 and a
 * code, not with a 429, so the code decides too: rate limits and temporary outages are retryable, anything else
 * (bad token, unknown recipient, invalid parameter) is permanent.
 */
public final class GraphErrors {

  /**
   * Rate limits: 4 app, 17 user, 32 page, 341 application limit, 613 calls, 80007 WhatsApp account, 130429 WhatsApp
   * throughput, 131056 WhatsApp pair rate.
   */
  public static final Set<Integer> THROTTLING_CODES = Set.of(4, 17, 32, 341, 613, 80007, 130429, 131056);

  /** Temporary failures: 1 unknown, 2 service unavailable, 131016 service unavailable, 133004 server unavailable. */
  public static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2, 131016, 133004);

  private GraphErrors() {}

  public static SendFailure toFailure(int status, Buffer body, String retryAfterHeader) {
    GraphError error = GraphError.parse(body);
    boolean retryableStatus = status == 408 || status == 429 || status >= 500;
    boolean retryableCode = error != null
        && (error.transientError() || THROTTLING_CODES.contains(error.code()) || TEMPORARY_CODES.contains(error.code()));
    String description = error != null ? error.summary() : "HTTP " + status + " without a Graph error body";
    return new SendFailure(status, description, retryableStatus || retryableCode,
        SendFailure.parseRetryAfter(retryAfterHeader));
  }
}
