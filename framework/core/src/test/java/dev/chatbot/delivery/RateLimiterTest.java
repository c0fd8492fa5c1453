package dev.chatbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.spi.SendRate;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void letsABurstThroughThenOneSlotPerInterval() {
    Vertx vertx = Vertx.vertx();
    try {
      RateLimiter slack = new RateLimiter(vertx, new SendRate(1, 3, true));
      long now = System.nanoTime();

      assertThat(List.of(slack.reserve(now), slack.reserve(now), slack.reserve(now))).containsOnly(0L);
      assertThat(slack.reserve(now)).isEqualTo(SECOND);
      assertThat(slack.reserve(now)).isEqualTo(2 * SECOND);
      // After a quiet while the bucket is full again.
      long later = now + 60 * SECOND;
      assertThat(List.of(slack.reserve(later), slack.reserve(later), slack.reserve(later))).containsOnly(0L);
      assertThat(slack.reserve(later)).isEqualTo(SECOND);
    } finally {
      vertx.close();
    }
  }

  @Test
  void aShareOfTheBudgetLowersTheRateAndTheBurstAlike() {
    Vertx vertx = Vertx.vertx();
    try {
      double[] share = {1.0 / 3};
      RateLimiter page = new RateLimiter(vertx, new SendRate(300, 300, false), () -> share[0]);
      long now = System.nanoTime();

      // A third of 300/s with a burst of 300: a burst of 100, then one slot every 3 intervals of 300/s (10 ms).
      for (int i = 0; i < 100; i++) {
        assertThat(page.reserve(now)).isZero();
      }
      assertThat(page.reserve(now)).isEqualTo(SECOND / 300 * 3);
      // A member left: the share grows to a half, and the next slots come every 6.67 ms.
      share[0] = 0.5;
      long later = now + 60 * SECOND;
      for (int i = 0; i < 150; i++) {
        assertThat(page.reserve(later)).isZero();
      }
      assertThat(page.reserve(later)).isEqualTo(SECOND / 300 * 2);
    } finally {
      vertx.close();
    }
  }

  @Test
  void defaultsAreTheAdaptersOwn() {
    DeliverySettings settings = DeliverySettings.from(Settings.of(Map.of()), Map.of(
        "bulk", SendRate.perPlatform(250), "chatty", SendRate.perChannel(1, 3), "local", SendRate.UNLIMITED));

    assertThat(settings.rates()).containsOnlyKeys("bulk", "chatty");
    assertThat(settings.rates().get("chatty")).isEqualTo(new SendRate(1, 3, true));
    assertThat(settings.rates().get("bulk")).isEqualTo(new SendRate(250, 250, false));
    assertThat(settings.timeoutMillis()).isEqualTo(10_000);
    assertThat(settings.maxAttempts()).isEqualTo(DeliverySettings.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void readsTheSendVariables() {
    DeliverySettings settings = DeliverySettings.from(Settings.of(Map.of(
        "SEND_RATE_MESSENGER", "0", "SEND_RATE_SLACK", "0.5", "SEND_RATE_WEBCHAT", "20",
        "SEND_TIMEOUT_SECONDS", "3", "SEND_MAX_ATTEMPTS", "7")), Map.of(
        "messenger", SendRate.perPlatform(250), "slack", SendRate.perChannel(1, 3), "webchat", SendRate.UNLIMITED));

    assertThat(settings.rates()).containsOnlyKeys("slack", "webchat");
    assertThat(settings.rates().get("slack")).isEqualTo(new SendRate(0.5, 1, true));
    assertThat(settings.rates().get("webchat")).isEqualTo(new SendRate(20, 20, false));
    assertThat(settings.timeoutMillis()).isEqualTo(3000);
    assertThat(settings.maxAttempts()).isEqualTo(7);
  }

  @Test
  void namesABadVariable() {
    assertThatThrownBy(() -> DeliverySettings.from(Settings.of(Map.of("SEND_RATE_SLACK", "fast")),
        Map.of("slack", SendRate.UNLIMITED)))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("SEND_RATE_SLACK ");
    assertThatThrownBy(() -> DeliverySettings.from(Settings.of(Map.of("SEND_MAX_ATTEMPTS", "0")), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("SEND_MAX_ATTEMPTS ");
  }
}
