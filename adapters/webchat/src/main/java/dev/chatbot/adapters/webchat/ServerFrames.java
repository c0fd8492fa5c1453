package dev.chatbot.adapters.webchat;

import io.vertx.core.json.JsonObject;

/**
 * The control frames the server writes besides replies (which are the neutral {@code Reply} JSON): every frame has a
 * {@code type}, and these types never clash with a reply's.
 */
final class ServerFrames {

  private ServerFrames() {}

  /**
   * First frame on every socket: the ids the page must keep with their tokens (new ones when it presented none, or
   * ids without their valid tokens).
   */
  static String session(String conversation, String conversationToken, String user, String userToken) {
    return new JsonObject().put("type", "session")
        .put("conversation", conversation).put("conversation_token", conversationToken)
        .put("user", user).put("user_token", userToken).encode();
  }

  /** The message with the page's {@code id} is safely queued for the bot (or was already: {@code duplicate}). */
  static String ack(String id, boolean duplicate) {
    return new JsonObject().put("type", "ack").put("id", id).put("duplicate", duplicate).encode();
  }

  /**
   * Something the page sent could not be taken. {@code retry} says the same message may succeed later (the server
   * is restarting), so the page keeps it and sends it again after reconnecting.
   */
  static String error(String error, String id, boolean retry) {
    JsonObject frame = new JsonObject().put("type", "error").put("error", error).put("retry", retry);
    if (id != null) {
      frame.put("id", id);
    }
    return frame.encode();
  }

  static String pong() {
    return new JsonObject().put("type", "pong").encode();
  }
}
