package dev.chatbot.delivery;

import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendFailure;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.FailurePolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound delivery, shared by every adapter: fits a reply to the platform, then sends the parts in order. Each part
 * waits for its platform's rate limit, each attempt has a timeout, and failures worth retrying (connection errors,
 * timeouts, 5xx, 429) are retried with exponential backoff and full jitter, never sooner than {@code Retry-After}.
 * A permanent failure (a 4xx that cannot succeed) is not retried: it is logged once and counted.
 *
 * <p>The retry machinery is vertx-circuit-breaker's, one breaker per platform, used as a retry engine only. Two
 * things its 5.0 implementation does that matter here: it retries every failed attempt whatever the
 * {@link FailurePolicy} says (that policy only decides what counts towards opening), and once open it fails every
 * call at once. So a permanent failure is handed to the breaker as a <em>successful</em> attempt carrying the
 * failure (nothing to retry), and the breaker never counts a failure, so it never opens: one bad recipient or a
 * platform hiccup must not fail fast the replies of every other conversation.
 */
public final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final Map<String, PlatformAdapter> adapters;
  private final ChatbotMetrics metrics;
  private final DeliverySettings settings;
  private final SendLimits limits;
  private final Map<String, CircuitBreaker> retries = new HashMap<>();
  private final Pending pending = new Pending();

  public Delivery(Vertx vertx, Map<String, PlatformAdapter> adapters, ChatbotMetrics metrics,
      DeliverySettings settings) {
    this.adapters = Map.copyOf(adapters);
    this.metrics = metrics;
    this.settings = settings;
    this.limits = new SendLimits(vertx, settings.rates());
    for (String platform : this.adapters.keySet()) {
      CircuitBreakerOptions options = new CircuitBreakerOptions()
          .setMaxRetries(settings.maxAttempts() - 1)
          .setTimeout(-1) // the attempt's own timeout, after the rate-limit wait: see attempt()
          .setMaxFailures(Integer.MAX_VALUE)
          .setFallbackOnFailure(false);
      retries.put(platform, CircuitBreaker.create("chatbot-send-" + platform, vertx, options)
          .retryPolicy(new SendRetryPolicy(platform, metrics, settings))
          .failurePolicy(outcome -> false));
    }
  }

  /** Backward compatible: the defaults with another per-attempt timeout. */
  public Delivery(Vertx vertx, Map<String, PlatformAdapter> adapters, ChatbotMetrics metrics, long timeoutMillis) {
    this(vertx, adapters, metrics, withTimeout(DeliverySettings.defaults(), timeoutMillis));
  }

  private static DeliverySettings withTimeout(DeliverySettings d, long timeoutMillis) {
    return new DeliverySettings(timeoutMillis, d.maxAttempts(), d.retryBaseMillis(), d.retryMaxMillis(),
        d.retryAfterMaxMillis(), d.rates());
  }

  /**
   * Completes when the platform has accepted every part of {@code reply} (after retries); fails with the last
   * failure when a part finally failed, and then the later parts are not sent (they would not make sense alone).
   */
  public Future<Void> deliver(ConversationRef to, Reply reply) {
    PlatformAdapter adapter = adapters.get(to.platform());
    if (adapter == null) {
      return Future.failedFuture(new IllegalArgumentException("platform " + to.platform() + " is not enabled"));
    }
    pending.start();
    Future<Void> chain = Future.succeededFuture();
    for (Reply part : ReplyFitter.fit(reply, adapter.capabilities())) {
      chain = chain.compose(previous -> sendWithRetries(adapter, to, part));
    }
    return chain.onComplete(done -> pending.finish());
  }

  /** Sends in progress (including retries waiting for their timer): graceful shutdown waits for them. */
  public int inFlight() {
    return pending.count();
  }

  /** Completes when no send is in progress. */
  public Future<Void> idle() {
    return pending.idle();
  }

  public DeliverySettings settings() {
    return settings;
  }

  private Future<Void> sendWithRetries(PlatformAdapter adapter, ConversationRef to, Reply part) {
    String platform = adapter.platform();
    return retries.get(platform).<Throwable>execute(() -> attempt(adapter, to, part))
        .transform(result -> {
          if (result.succeeded() && result.result() == null) {
            metrics.sent(platform);
            return Future.<Void>succeededFuture();
          }
          Throwable failure = result.succeeded() ? result.result() : result.cause();
          String reason = result.succeeded() ? reasonOfFinal(failure) : "exhausted";
          metrics.sendFailure(platform, reason);
          // The one log line of a failed send, with the platform's own error message.
          LOG.warn("send failed platform={} conversation={} reply={} reason={} attempts={} error=\"{}\"",
              platform, to.key(), part.getClass().getSimpleName(), reason,
              result.succeeded() ? "final" : settings.maxAttempts(), SendFailures.describe(failure));
          return Future.<Void>failedFuture(failure);
        });
  }

  /**
   * One attempt: wait for the rate limit, then one call bounded by the timeout. Fails (so the breaker retries) only
   * when another attempt may succeed; otherwise succeeds with the final failure, or with null when delivered.
   */
  private Future<Throwable> attempt(PlatformAdapter adapter, ConversationRef to, Reply part) {
    return limits.acquire(to)
        .compose(slot -> {
          try {
            return adapter.send(to, part);
          } catch (RuntimeException e) {
            return Future.failedFuture(e);
          }
        })
        .timeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
        .<Throwable>map(sent -> null)
        .recover(failure -> worthRetrying(failure) ? Future.failedFuture(failure) : Future.succeededFuture(failure));
  }

  private boolean worthRetrying(Throwable failure) {
    if (!SendFailures.retryable(failure)) {
      return false;
    }
    Duration retryAfter = SendFailures.retryAfter(failure);
    return retryAfter == null || retryAfter.toMillis() <= settings.retryAfterMaxMillis();
  }

  private static String reasonOfFinal(Throwable failure) {
    // Retryable but final here means the platform asked to wait longer than SEND_RETRY_AFTER_MAX_SECONDS.
    return SendFailures.retryable(failure) ? "throttled" : failure instanceof SendFailure ? "permanent" : "error";
  }
}
