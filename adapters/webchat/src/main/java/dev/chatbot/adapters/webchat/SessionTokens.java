package dev.chatbot.adapters.webchat;

import dev.chatbot.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets that make a web chat id usable: the server issues every conversation and user id with a token, an
 * HMAC of the id, and a socket resumes an id only when it presents that token. Knowing an id (from a log, a shared
 * screenshot, a guess) is then not enough to read or post into someone's conversation.
 *
 * <p>The key comes from {@code WEBCHAT_SESSION_SECRET} when set, so tokens stay valid across restarts and on every
 * member of a cluster; otherwise it is random per process, and a page whose token no longer verifies (after a restart,
 * or on another member) simply starts a new conversation.
 */
final class SessionTokens {

  static final String SECRET_VARIABLE = "WEBCHAT_SESSION_SECRET";
  static final int MIN_SECRET_LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final boolean configured;

  private SessionTokens(byte[] key, boolean configured) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.configured = configured;
  }

  /** From the configured secret, or a random key when there is none; a short secret stops startup. */
  static SessionTokens from(Optional<String> secret) {
    if (secret.isEmpty()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return new SessionTokens(random, false);
    }
    if (secret.get().length() < MIN_SECRET_LENGTH) {
      throw new ConfigException(SECRET_VARIABLE + " must be at least " + MIN_SECRET_LENGTH
          + " characters (e.g. `openssl rand -hex 32`)");
    }
    return new SessionTokens(secret.get().getBytes(StandardCharsets.UTF_8), true);
  }

  /** Whether tokens outlive this process (the key is the configured secret). */
  boolean configured() {
    return configured;
  }

  /** The token for the id of {@code kind} ("conversation" or "user": a token of one never passes for the other). */
  String issue(String kind, String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(kind + ":" + id));
  }

  /** {@code id} when it is well formed and {@code token} is its token, compared in constant time. */
  Optional<String> verified(String kind, String id, String token) {
    if (!SessionIds.isValid(id) || token == null || token.length() > 100) {
      return Optional.empty();
    }
    byte[] expected = issue(kind, id).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(id) : Optional.empty();
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
    }
  }
}
