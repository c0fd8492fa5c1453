package dev.chatbot.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a log line is about, without saying who: the values of identity keys ({@code recipient=15551234567},
 * {@code conversation=whatsapp:15551234567}) and any long run of digits (a phone number or a Messenger id inside a
 * platform's error text) become a short stable hash such as {@code #3fa9c2b1}. The same value always gets the same
 * hash in one process (or across processes sharing {@code LOG_HASH_KEY}), so the lines about one user can still be
 * joined, and the hash is keyed (HMAC), so it cannot be reversed by hashing every phone number.
 */
public final class LogPrivacy {

  /** Keys whose value names a person or their conversation, as the code logs them ({@code key=value}). */
  private static final String IDENTITY_KEYS =
      "conversations?|user(?:_id)?|recipient|to|from|channel|phone|sender|chat(?:_id)?|psid|wa_id";
  private static final Pattern IDENTITY_KEY = Pattern.compile(IDENTITY_KEYS);
  /** {@code key=value}, {@code key="quoted value"} or {@code key=[list]}. */
  private static final Pattern IDENTITY = Pattern.compile(
      "(?<![\\w.-])(" + IDENTITY_KEYS + ")=(\"[^\"]*\"|\\[[^\\]]*\\]|[^\\s,\\]]+)");
  /** Nine or more digits standing alone (not part of a decimal such as a Slack ts, nor of a word). */
  private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w.-])\\+?\\d{9,}(?![\\w.-])");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final byte[] KEY = key();
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(LogPrivacy::newMac);

  private LogPrivacy() {}

  /** {@code text} with every identity value and long number replaced by its hash. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher identity = IDENTITY.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (identity.find()) {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, identity.start(2));
      appendMaskedValue(out, identity.group(2));
      last = identity.end();
    }
    String keysMasked = out == null ? text : out.append(text, last, text.length()).toString();
    return maskNumbers(keysMasked);
  }

  /** The value logged under {@code key}: hashed when the key names a person, as it is otherwise. */
  public static String maskValue(String key, Object value) {
    String text = String.valueOf(value);
    return IDENTITY_KEY.matcher(key).matches() ? hash(text) : text;
  }

  /** The short keyed hash that stands for {@code value} in logs: {@code #} and 8 hex digits. */
  public static String hash(String value) {
    byte[] digest = MACS.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[9];
    out[0] = '#';
    for (int i = 0; i < 4; i++) {
      out[1 + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 + 2 * i] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  private static void appendMaskedValue(StringBuilder out, String value) {
    if (value.startsWith("\"") && value.length() >= 2) {
      out.append(hash(value.substring(1, value.length() - 1)));
    } else if (value.startsWith("[")) {
      // A list of conversations, possibly with counts: [whatsapp:1555=2,slack:C1=1] keeps the counts.
      String inner = value.substring(1, value.length() - 1);
      out.append('[');
      String[] items = inner.split(",", -1);
      for (int i = 0; i < items.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        String item = items[i];
        int equals = item.lastIndexOf('=');
        if (item.isEmpty() || item.startsWith("+")) {
          out.append(item);
        } else if (equals > 0) {
          out.append(hash(item.substring(0, equals))).append(item, equals, item.length());
        } else {
          out.append(hash(item));
        }
      }
      out.append(']');
    } else {
      out.append(hash(value));
    }
  }

  private static String maskNumbers(String text) {
    Matcher number = LONG_NUMBER.matcher(text);
    if (!number.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      number.appendReplacement(out, hash(number.group()));
    } while (number.find());
    return number.appendTail(out).toString();
  }

  /** {@code LOG_HASH_KEY} (environment or system property) to join lines across replicas, else random per process. */
  private static byte[] key() {
    String configured = System.getProperty("LOG_HASH_KEY", System.getenv("LOG_HASH_KEY"));
    if (configured != null && !configured.isBlank()) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  private static Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
