package dev.chatbot.delivery;

import dev.chatbot.spi.SendRate;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * A token bucket in its GCRA form (one timestamp, no refill task): {@link #acquire()} reserves the next free slot
 * and completes when it comes, on a Vert.x timer, so a burst is spread out instead of blocking a thread or earning
 * 429s. Reservations are handed out in call order. With a {@code share} below 1 (one member of a cluster, which shares
 * the platform's budget with the others) the rate and the burst are that share of the configured ones.
 */
final class RateLimiter {

  private final Vertx vertx;
  private final long intervalNanos;
  private final int burst;
  private final DoubleSupplier share;
  private long theoreticalArrival;

  RateLimiter(Vertx vertx, SendRate rate) {
    this(vertx, rate, () -> 1.0);
  }

  RateLimiter(Vertx vertx, SendRate rate, DoubleSupplier share) {
    this.vertx = vertx;
    this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / rate.perSecond()));
    this.burst = rate.burst();
    this.share = share;
    this.theoreticalArrival = System.nanoTime();
  }

  /** Completes when one message may be sent. */
  Future<Void> acquire() {
    long waitNanos = reserve(System.nanoTime());
    if (waitNanos <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> slot = Promise.promise();
    // Round up: waking early would break the rate by a little on every message.
    vertx.setTimer(Math.max(1, (waitNanos + 999_999) / 1_000_000), id -> slot.complete());
    return slot.future();
  }

  /** How long the caller must wait for its slot (nanoseconds); the slot is taken whatever the wait. */
  synchronized long reserve(long now) {
    double part = Math.min(1.0, share.getAsDouble());
    long interval = part >= 1.0 ? intervalNanos : (long) (intervalNanos / part);
    long burstToleranceNanos = interval * (Math.max(1, (long) (burst * part)) - 1L);
    long allowedAt = Math.max(now, theoreticalArrival - burstToleranceNanos);
    theoreticalArrival = Math.max(theoreticalArrival, allowedAt) + interval;
    return allowedAt - now;
  }
}
