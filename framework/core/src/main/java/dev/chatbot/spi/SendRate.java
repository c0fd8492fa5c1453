package dev.chatbot.spi;

/**
 * How fast the core may send to a platform: a token bucket of {@code perSecond} sustained and up to {@code burst} at
 * once, one bucket per channel when {@code perChannel}, else one for the whole platform. An adapter gives its
 * platform's published limit as {@link PlatformAdapter#defaultSendRate()}; {@code SEND_RATE_<PLATFORM>} and
 * {@code SEND_BURST_<PLATFORM>} override it.
 */
public record SendRate(double perSecond, int burst, boolean perChannel) {

  /** No limit. */
  public static final SendRate UNLIMITED = new SendRate(0, 1, false);

  /** One bucket for the whole platform, with a burst of one second's worth. */
  public static SendRate perPlatform(double perSecond) {
    return new SendRate(perSecond, (int) Math.max(1, Math.ceil(perSecond)), false);
  }

  /** One bucket per channel (chat, conversation). */
  public static SendRate perChannel(double perSecond, int burst) {
    return new SendRate(perSecond, burst, true);
  }

  public boolean limited() {
    return perSecond > 0;
  }
}
