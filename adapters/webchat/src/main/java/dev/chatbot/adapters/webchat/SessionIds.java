package dev.chatbot.adapters.webchat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Conversation and user ids of the web chat: 128 random bits, issued by the server with a token
 * ({@link SessionTokens}) that the page presents to resume them.
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

  static String fresh() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
