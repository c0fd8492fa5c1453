package dev.chatbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.config.ConfigException;
import dev.chatbot.config.Settings;
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
      RateLimiter slack = new RateLimiter(vertx, new DeliverySettings.SendRate(1, 3, true));
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
  void defaultsFollowThePlatformsPublishedLimits() {
    DeliverySettings settings = DeliverySettings.from(Settings.of(Map.of()),
        List.of("messenger", "whatsapp", "slack", "webchat"));

    assertThat(settings.rates()).containsOnlyKeys("messenger", "whatsapp", "slack");
    assertThat(settings.rates().get("slack")).isEqualTo(new DeliverySettings.SendRate(1, 3, true));
    assertThat(settings.rates().get("messenger").perChannel()).isFalse();
    assertThat(settings.timeoutMillis()).isEqualTo(10_000);
    assertThat(settings.maxAttempts()).isEqualTo(DeliverySettings.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void readsTheSendVariables() {
    DeliverySettings settings = DeliverySettings.from(Settings.of(Map.of(
        "SEND_RATE_MESSENGER", "0", "SEND_RATE_SLACK", "0.5", "SEND_RATE_WEBCHAT", "20",
        "SEND_TIMEOUT_SECONDS", "3", "SEND_MAX_ATTEMPTS", "7")), List.of("messenger", "slack", "webchat"));

    assertThat(settings.rates()).containsOnlyKeys("slack", "webchat");
    assertThat(settings.rates().get("slack")).isEqualTo(new DeliverySettings.SendRate(0.5, 1, true));
    assertThat(settings.rates().get("webchat")).isEqualTo(new DeliverySettings.SendRate(20, 20, false));
    assertThat(settings.timeoutMillis()).isEqualTo(3000);
    assertThat(settings.maxAttempts()).isEqualTo(7);
  }

  @Test
  void namesABadVariable() {
    assertThatThrownBy(() -> DeliverySettings.from(Settings.of(Map.of("SEND_RATE_SLACK", "fast")), List.of("slack")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("SEND_RATE_SLACK ");
    assertThatThrownBy(() -> DeliverySettings.from(Settings.of(Map.of("SEND_MAX_ATTEMPTS", "0")), List.of()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("SEND_MAX_ATTEMPTS ");
  }
}
