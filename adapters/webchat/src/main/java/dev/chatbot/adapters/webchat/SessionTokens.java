package dev.chatbot.adapters.webchat;

import dev.chatbot.spi.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets that make a web chat id usable: the server issues every conversation and user id with a token, an
 * HMAC of the id, and a socket resumes an id only when it presents that token. Knowing an id (from a log, a shared
 * screenshot, a guess) is then not enough to read or post into someone's conversation.
 *
 * <p>The key comes from {@code WEBCHAT_SESSION_SECRET} when set, so tokens stay valid across restarts and on every
 * member of a cluster. Without it, a server with a durable store ({@code STATE_STORE=file}) keeps a random key in
 * {@code DATA_DIR/webchat-session.key}, so its conversations survive a restart as its state does; otherwise the key
 * is random per process, and a page whose token no longer verifies simply starts a new conversation.
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

  /**
   * The key kept in {@code file}, made (32 random bytes, readable by the owner only) when there is none yet. Blocking:
   * call it off the event loop.
   */
  static SessionTokens fromKeyFile(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "webchat-session", ".tmp");
        try {
          Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the directory's permissions apply.
        }
        Files.writeString(temporary, HexFormat.of().formatHex(random));
        try {
          // A hard link appears whole and never replaces a key another process made meanwhile: the first one stays.
          Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException madeMeanwhile) {
          // read below
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
      return new SessionTokens(HexFormat.of().parseHex(Files.readString(file).trim()), true);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("the web chat session key " + file + " could not be read or made (set "
          + SECRET_VARIABLE + " instead): " + e.getMessage());
    }
  }

  /** Whether tokens outlive this process (a configured secret or a kept key). */
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
