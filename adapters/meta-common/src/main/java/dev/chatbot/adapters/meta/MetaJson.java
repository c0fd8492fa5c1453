package dev.chatbot.adapters.meta;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.JsonFields;

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

  /**
   * The webhook object in {@code body}, read strictly ({@link JsonFields}), with an envelope that must name a string
   * {@code object} and an array {@code entry}; {@code platform} names the webhook in the messages.
   *
   * @throws io.vertx.core.json.DecodeException when the body is not JSON at all
   * @throws BadRequestException when it is another JSON value or lacks the envelope
   */
  public static JsonFields webhook(Buffer body, String platform) {
    JsonObject root = objectOrNull(body);
    if (root == null) {
      throw new BadRequestException("a " + platform + " webhook is a JSON object");
    }
    JsonFields fields = JsonFields.of(root);
    if (fields.string("object") == null) {
      throw new BadRequestException("\"object\" is missing: not a " + platform + " webhook");
    }
    if (!fields.has("entry")) {
      throw new BadRequestException("entry must be an array");
    }
    fields.array("entry");
    return fields;
  }
}
