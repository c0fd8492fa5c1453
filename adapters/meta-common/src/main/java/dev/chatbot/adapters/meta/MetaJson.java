package dev.chatbot.adapters.meta;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Reads a body that must be one JSON object (webhooks, Graph answers). */
public final class MetaJson {

  private MetaJson() {}

  /**
   * The object in {@code body}, or null when it holds another JSON value (an array, a number...).
   *
   * @throws io.vertx.core.json.DecodeException when the body is not JSON at all
   */
  @SuppressWarnings("unchecked")
  public static JsonObject objectOrNull(Buffer body) {
    Object value = body.toJsonValue();
    if (value instanceof JsonObject object) {
      return object;
    }
    return value instanceof Map<?, ?> map ? new JsonObject((Map<String, Object>) map) : null;
  }
}
