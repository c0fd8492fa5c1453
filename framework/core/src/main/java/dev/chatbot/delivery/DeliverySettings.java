package dev.chatbot.delivery;

import dev.chatbot.config.ConfigException;
import dev.chatbot.config.Settings;
import dev.chatbot.spi.SendRate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How outbound delivery behaves, read once at start from the {@code SEND_*} variables (see docs/delivery.md).
 *
 * @param timeoutMillis per attempt: one HTTP call to the platform ({@code SEND_TIMEOUT_SECONDS})
 * @param maxAttempts attempts per reply part including the first ({@code SEND_MAX_ATTEMPTS})
 * @param retryBaseMillis backoff base: retry n waits a random time in [0, min(max, base * 2^n)]
 * @param retryMaxMillis cap of one backoff delay ({@code SEND_RETRY_MAX_MILLIS})
 * @param retryAfterMaxMillis a platform's {@code Retry-After} longer than this is not waited for: the part fails
 * @param rates send rate limits by platform; platforms without an entry are not limited
 */
public record DeliverySettings(
    long timeoutMillis,
    int maxAttempts,
    long retryBaseMillis,
    long retryMaxMillis,
    long retryAfterMaxMillis,
    Map<String, SendRate> rates) {

  public DeliverySettings {
    rates = Map.copyOf(rates);
  }

  /** The defaults, with no rate limit. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(10_000, 5, 500, 30_000, 60_000, Map.of());
  }

  /**
   * Reads the {@code SEND_*} variables for the enabled platforms, each given with its adapter's
   * {@link dev.chatbot.spi.PlatformAdapter#defaultSendRate() default rate}; throws naming a bad variable.
   */
  public static DeliverySettings from(Settings settings, Map<String, SendRate> defaultRates) {
    long timeout = settings.getInt("SEND_TIMEOUT_SECONDS", 10, 1, 300) * 1000L;
    int attempts = settings.getInt("SEND_MAX_ATTEMPTS", 5, 1, 20);
    long base = settings.getInt("SEND_RETRY_BASE_MILLIS", 500, 1, 60_000);
    long max = settings.getInt("SEND_RETRY_MAX_MILLIS", 30_000, 1, 600_000);
    if (max < base) {
      throw new ConfigException("SEND_RETRY_MAX_MILLIS must be at least SEND_RETRY_BASE_MILLIS (" + base + ")");
    }
    long retryAfterMax = settings.getInt("SEND_RETRY_AFTER_MAX_SECONDS", 60, 0, 3600) * 1000L;
    Map<String, SendRate> rates = new HashMap<>();
    for (Map.Entry<String, SendRate> platform : defaultRates.entrySet()) {
      SendRate rate = rate(settings, platform.getKey(), platform.getValue());
      if (rate != null) {
        rates.put(platform.getKey(), rate);
      }
    }
    return new DeliverySettings(timeout, attempts, base, max, retryAfterMax, rates);
  }

  /** {@code SEND_RATE_<PLATFORM>} messages per second (0: unlimited), {@code SEND_BURST_<PLATFORM>} at once. */
  private static SendRate rate(Settings settings, String platform, SendRate platformDefault) {
    String suffix = platform.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    String rateName = "SEND_RATE_" + suffix;
    String burstName = "SEND_BURST_" + suffix;
    SendRate fallback = platformDefault.limited() ? platformDefault : null;
    double perSecond = fallback == null ? 0 : fallback.perSecond();
    var raw = settings.get(rateName);
    if (raw.isPresent()) {
      try {
        perSecond = Double.parseDouble(raw.get());
      } catch (NumberFormatException e) {
        perSecond = -1;
      }
      if (!(perSecond >= 0) || perSecond > 100_000) {
        throw new ConfigException(rateName + " must be messages per second between 0 (unlimited) and 100000, got '"
            + raw.get() + "'");
      }
    }
    if (perSecond == 0) {
      return null;
    }
    int defaultBurst = fallback != null && raw.isEmpty() ? fallback.burst() : (int) Math.max(1, Math.ceil(perSecond));
    int burst = settings.getInt(burstName, defaultBurst, 1, 100_000);
    return new SendRate(perSecond, burst, fallback != null && fallback.perChannel());
  }
}
