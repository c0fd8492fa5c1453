package dev.chatbot.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one initialised {@link Mac} per thread: Mac.getInstance per request would dominate the loadgen. */
final class Hmac {

  private static final HexFormat HEX = HexFormat.of();
  private final ThreadLocal<Mac> mac;

  Hmac(String secret) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    });
  }

  String hex(byte[] data) {
    return HEX.formatHex(mac.get().doFinal(data));
  }

  /** Slack signs {@code v0:<timestamp>:<body>}. */
  String hex(byte[] prefix, byte[] data) {
    Mac m = mac.get();
    m.update(prefix);
    return HEX.formatHex(m.doFinal(data));
  }

  static boolean constantTimeEquals(String expected, String actual) {
    return actual != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
  }
}
