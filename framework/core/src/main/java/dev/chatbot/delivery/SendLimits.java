package dev.chatbot.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.spi.SendRate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The send rate limits of every platform: one bucket per platform, or per channel where the platform counts so. A
 * platform's bucket runs at this process's {@code share} of the budget (a cluster member's part); a channel's bucket
 * at the full rate, since a channel's conversation is handled by one member.
 */
final class SendLimits {

  // A channel's bucket is refilled after a few idle seconds anyway, so forgetting it after a minute loses nothing
  // and keeps a platform with millions of channels from growing this map without bound.
  private static final Duration CHANNEL_IDLE = Duration.ofMinutes(1);

  private final Vertx vertx;
  private final Map<String, SendRate> rates;
  private final Map<String, RateLimiter> platformBuckets = new HashMap<>();
  private final Map<String, Cache<String, RateLimiter>> channelBuckets = new HashMap<>();

  SendLimits(Vertx vertx, Map<String, SendRate> rates, java.util.function.DoubleSupplier share) {
    this.vertx = vertx;
    this.rates = Map.copyOf(rates);
    rates.forEach((platform, rate) -> {
      if (rate.perChannel()) {
        channelBuckets.put(platform, Caffeine.newBuilder().expireAfterAccess(CHANNEL_IDLE).build());
      } else {
        platformBuckets.put(platform, new RateLimiter(vertx, rate, share));
      }
    });
  }

  /** Completes when one message to {@code to} may be sent. */
  Future<Void> acquire(ConversationRef to) {
    RateLimiter bucket = platformBuckets.get(to.platform());
    if (bucket == null) {
      Cache<String, RateLimiter> perChannel = channelBuckets.get(to.platform());
      if (perChannel == null) {
        return Future.succeededFuture();
      }
      bucket = perChannel.get(to.channel(), channel -> new RateLimiter(vertx, rates.get(to.platform())));
    }
    return bucket.acquire();
  }
}
