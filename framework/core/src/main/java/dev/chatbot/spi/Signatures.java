package dev.chatbot.spi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 both Meta ({@code X-Hub-Signature-256}) and Slack ({@code X-Slack-Signature}) sign with. Servers
 * verify and the testkit signs with this same code, so the two cannot drift apart.
 */
public final class Signatures {

  private Signatures() {}

  // Mac.getInstance + init per request was most of the signature cost (provider look-up): keep one initialised Mac
  // per thread and secret. doFinal resets it for the next use.
  private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

  /** Lower-case hex HMAC-SHA256 of the concatenation of {@code parts} under {@code secret}. */
  public static String hmacSha256Hex(String secret, byte[]... parts) {
    Mac mac = MACS.get().computeIfAbsent(secret, Signatures::newMac);
    for (byte[] part : parts) {
      mac.update(part);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  private static Mac newMac(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Compares in constant time, so an attacker learns nothing from how long a wrong signature took. */
  public static boolean constantTimeEquals(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
