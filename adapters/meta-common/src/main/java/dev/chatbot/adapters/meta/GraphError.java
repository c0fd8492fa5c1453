package dev.chatbot.adapters.meta;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The error object of a Graph API answer: {@code {"error":{"message","type","code","error_subcode","fbtrace_id",
 * "is_transient"}}}.
 */
public record GraphError(String message, int code, Integer subcode, String type, String fbtraceId, boolean transientError) {

  /** The error in {@code body}, or null when the body is not a Graph error (empty, HTML from a proxy...). */
  public static GraphError parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      JsonObject root = MetaJson.objectOrNull(body);
      if (root == null || !(root.getValue("error") instanceof JsonObject error)) {
        return null;
      }
      return new GraphError(
          error.getString("message", "unknown error"),
          error.getValue("code") instanceof Number code ? code.intValue() : 0,
          error.getValue("error_subcode") instanceof Number subcode ? subcode.intValue() : null,
          error.getString("type"),
          error.getString("fbtrace_id"),
          Boolean.TRUE.equals(error.getValue("is_transient")));
    } catch (DecodeException | ClassCastException notJson) {
      return null;
    }
  }

  /** One line for logs and delivery status: the message and the codes Meta support asks for. */
  public String summary() {
    StringBuilder text = new StringBuilder(message).append(" (code=").append(code);
    if (subcode != null) {
      text.append(" subcode=").append(subcode);
    }
    if (fbtraceId != null) {
      text.append(" fbtrace_id=").append(fbtraceId);
    }
    return text.append(')').toString();
  }
}
