package dev.chatbot.adapters.slack;

import dev.chatbot.spi.Signatures;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Slack's request signing: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" +
 * raw body)>}, with {@code X-Slack-Request-Timestamp} no more than five minutes from now so a captured request cannot
 * be replayed later. Runs on the raw bytes, before any form or JSON parsing.
 */
final class SlackVerifier implements WebhookVerifier {

  static final String SIGNATURE_HEADER = "X-Slack-Signature";
  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final String signingSecret;
  private final Clock clock;

  SlackVerifier(String signingSecret, Clock clock) {
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  @Override
  public boolean verify(MultiMap headers, Buffer rawBody) {
    String timestamp = headers.get(TIMESTAMP_HEADER);
    String signature = headers.get(SIGNATURE_HEADER);
    if (timestamp == null || signature == null || !fresh(timestamp.trim())) {
      return false;
    }
    return Signatures.constantTimeEquals(signature(signingSecret, timestamp.trim(), rawBody.getBytes()), signature.trim());
  }

  private boolean fresh(String timestamp) {
    try {
      long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
      return skew <= MAX_CLOCK_SKEW.toSeconds();
    } catch (NumberFormatException notSeconds) {
      return false;
    }
  }

  /** The {@code v0=...} value Slack sends for {@code body} signed at {@code timestamp} (epoch seconds). */
  static String signature(String secret, String timestamp, byte[] body) {
    return "v0=" + Signatures.hmacSha256Hex(secret, ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
  }
}
