package dev.chatbot.adapters.meta;

import dev.chatbot.spi.Signatures;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Locale;
import java.util.Objects;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}, compared in
 * constant time. The testkit signs with the same {@link Signatures} code.
 */
public final class MetaSignatureVerifier implements WebhookVerifier {

  public static final String HEADER = "X-Hub-Signature-256";
  public static final String PREFIX = "sha256=";

  private final String appSecret;

  public MetaSignatureVerifier(String appSecret) {
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
  }

  /** The header value Meta would send for {@code body}. */
  public static String signature(String appSecret, byte[] body) {
    return PREFIX + Signatures.hmacSha256Hex(appSecret, body);
  }

  @Override
  public boolean verify(MultiMap headers, Buffer rawBody) {
    String header = headers.get(HEADER);
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    // Hex is case-insensitive; Meta sends lower case, as does Signatures.
    return Signatures.constantTimeEquals(signature(appSecret, rawBody.getBytes()), header.trim().toLowerCase(Locale.ROOT));
  }
}
