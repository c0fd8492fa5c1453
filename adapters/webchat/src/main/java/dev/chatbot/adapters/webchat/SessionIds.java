package dev.chatbot.adapters.webchat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Conversation and user ids of the web chat. The page keeps them in browser storage and presents them when it
 * connects; whoever knows a conversation id can join it, so a fresh one is 128 random bits.
 */
final class SessionIds {

  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionIds() {}

  static boolean isValid(String id) {
    return id != null && SESSION_ID.matcher(id).matches();
  }

  static boolean isValidMessageId(String id) {
    return id != null && MESSAGE_ID.matcher(id).matches();
  }

  /** {@code id} when the page sent a usable one, otherwise a new random one. */
  static String orNew(String id) {
    return isValid(id) ? id : fresh();
  }

  static String fresh() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
