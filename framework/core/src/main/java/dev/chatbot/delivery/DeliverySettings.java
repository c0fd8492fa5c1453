package dev.chatbot.delivery;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
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
 * @param maxParts most parts one reply is split into ({@code SEND_MAX_PARTS}); the rest is cut with a note
 */
public record DeliverySettings(
    long timeoutMillis,
    int maxAttempts,
    long retryBaseMillis,
    long retryMaxMillis,
    long retryAfterMaxMillis,
    Map<String, SendRate> rates,
    int maxParts) {

  /**
   * The default retry budget: 12 attempts, each retry waiting at least half of min(60 s, 1 s x 2^n), so a reply
   * outlasts a platform outage of at least 3.5 minutes (at most about 7) before it becomes a dead letter.
   */
  public static final int DEFAULT_MAX_ATTEMPTS = 12;
  public static final int DEFAULT_RETRY_BASE_MILLIS = 1_000;
  public static final int DEFAULT_RETRY_MAX_MILLIS = 60_000;
  public static final int DEFAULT_MAX_PARTS = 10;

  public DeliverySettings {
    rates = Map.copyOf(rates);
  }

  /** The defaults, with no rate limit. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(10_000, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BASE_MILLIS, DEFAULT_RETRY_MAX_MILLIS,
        60_000, Map.of(), DEFAULT_MAX_PARTS);
  }

  /**
   * Reads the {@code SEND_*} variables for the enabled platforms, each given with its adapter's
   * {@link dev.chatbot.spi.PlatformAdapter#defaultSendRate() default rate}; throws naming a bad variable.
   */
  public static DeliverySettings from(Settings settings, Map<String, SendRate> defaultRates) {
    long timeout = settings.getInt("SEND_TIMEOUT_SECONDS", 10, 1, 300) * 1000L;
    int attempts = settings.getInt("SEND_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 1, 50);
    long base = settings.getInt("SEND_RETRY_BASE_MILLIS", DEFAULT_RETRY_BASE_MILLIS, 1, 60_000);
    long max = settings.getInt("SEND_RETRY_MAX_MILLIS", DEFAULT_RETRY_MAX_MILLIS, 1, 600_000);
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
    int maxParts = settings.getInt("SEND_MAX_PARTS", DEFAULT_MAX_PARTS, 2, 1000);
    return new DeliverySettings(timeout, attempts, base, max, retryAfterMax, rates, maxParts);
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
