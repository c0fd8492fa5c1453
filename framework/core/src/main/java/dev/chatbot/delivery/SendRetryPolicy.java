package dev.chatbot.delivery;

import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.spi.SendFailure;
import io.vertx.circuitbreaker.RetryPolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the circuit breaker waits before retry {@code n} of a send: exponential backoff with "equal jitter", a
 * random time between half and all of {@code min(max, base * 2^n)}, and never less than the platform's
 * {@code Retry-After}. Equal rather than full jitter so the retry budget has a floor: the default one outlasts a
 * platform outage of a few minutes (docs/delivery.md). Called exactly once per retry, so it also counts
 * {@code chatbot_send_retries_total}.
 */
final class SendRetryPolicy implements RetryPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(SendRetryPolicy.class);

  private final String platform;
  private final ChatbotMetrics metrics;
  private final long baseMillis;
  private final long maxMillis;

  SendRetryPolicy(String platform, ChatbotMetrics metrics, DeliverySettings settings) {
    this.platform = platform;
    this.metrics = metrics;
    this.baseMillis = settings.retryBaseMillis();
    this.maxMillis = settings.retryMaxMillis();
  }

  @Override
  public long delay(Throwable failure, int retry) {
    long cap = Math.min(maxMillis, baseMillis << Math.min(retry, 30));
    long delay = cap / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    Duration retryAfter = SendFailures.retryAfter(failure);
    if (retryAfter != null) {
      delay = Math.max(delay, retryAfter.toMillis());
    }
    metrics.sendRetry(platform);
    LOG.info("send retry platform={} retry={} delay_ms={} error=\"{}\"",
        platform, retry, delay, SendFailures.describe(failure));
    // 0 would make the breaker retry synchronously, inside the failing attempt's callback; 1 ms goes through a timer.
    return Math.max(1, delay);
  }
}
