package dev.chatbot.adapters.webchat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * One frame from the page, checked: {@code {"type":"text","id":"...","text":"..."}},
 * {@code {"type":"postback","id":"...","title":"...","payload":"..."}} or {@code {"type":"ping"}}.
 *
 * @param id the page's own message id: a resend after a reconnect carries the same one, so it is deduplicated
 */
record ClientFrame(Type type, String id, String text, String title, String payload) {

  enum Type { TEXT, POSTBACK, PING }

  static final int MAX_FRAME_CHARS = 16 * 1024;
  /** The most UTF-8 a frame of {@link #MAX_FRAME_CHARS} can take: three bytes per char. */
  static final int MAX_FRAME_BYTES = 3 * MAX_FRAME_CHARS;
  static final int MAX_TEXT_CHARS = 4_000;
  static final int MAX_PAYLOAD_CHARS = 1_000;

  /** Reads a text frame; throws {@link BadFrame} with a message fit for the page when it is not one of ours. */
  static ClientFrame parse(String frame) {
    if (frame.length() > MAX_FRAME_CHARS) {
      throw tooLarge();
    }
    JsonObject json;
    try {
      json = new JsonObject(frame);
    } catch (DecodeException | ClassCastException e) {
      throw new BadFrame("frame is not a JSON object", null);
    }
    String id = optionalString(json, "id", 64, null);
    if (id != null && !SessionIds.isValidMessageId(id)) {
      throw new BadFrame("id must be 1-64 letters, digits, '-' or '_'", null);
    }
    String type = optionalString(json, "type", 20, id);
    if (type == null) {
      throw new BadFrame("missing type", id);
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "text" -> {
        String text = requiredString(json, "text", MAX_TEXT_CHARS, id);
        if (text.isBlank()) {
          throw new BadFrame("text is empty", id);
        }
        yield new ClientFrame(Type.TEXT, id, text, null, null);
      }
      case "postback" -> {
        String payload = requiredString(json, "payload", MAX_PAYLOAD_CHARS, id);
        String title = optionalString(json, "title", MAX_PAYLOAD_CHARS, id);
        yield new ClientFrame(Type.POSTBACK, id, null, title == null ? payload : title, payload);
      }
      case "ping" -> new ClientFrame(Type.PING, id, null, null, null);
      default -> throw new BadFrame("unknown type '" + type + "' (expected text, postback or ping)", id);
    };
  }

  /** The answer to a frame over {@link #MAX_FRAME_CHARS}, however it arrived (whole or in fragments). */
  static BadFrame tooLarge() {
    return new BadFrame("frame too large (limit " + MAX_FRAME_CHARS + " characters)", null);
  }

  /** The neutral message for the bot; {@code messageId} is unique within the conversation. */
  Message toMessage(String messageId, ConversationRef conversation, UserRef user) {
    return type == Type.POSTBACK
        ? Message.postback(messageId, conversation, user, title, payload)
        : Message.text(messageId, conversation, user, text);
  }

  private static String requiredString(JsonObject json, String field, int max, String id) {
    String value = optionalString(json, field, max, id);
    if (value == null) {
      throw new BadFrame("missing " + field, id);
    }
    return value;
  }

  private static String optionalString(JsonObject json, String field, int max, String id) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new BadFrame(field + " must be a string", id);
    }
    if (text.length() > max) {
      throw new BadFrame(field + " too long (limit " + max + " characters)", id);
    }
    return text;
  }

  /** A frame the server cannot use; answered with an error frame, the socket stays open. */
  static final class BadFrame extends RuntimeException {
    private final String id;

    BadFrame(String message, String id) {
      super(message, null, false, false);
      this.id = id;
    }

    String id() {
      return id;
    }
  }
}
