package dev.chatbot.dialog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.util.List;
import java.util.Map;

/** Typed values to and from the JSON of conversation state, with Vert.x's one Jackson mapper. */
final class StateJson {

  private StateJson() {}

  /** A value as JSON (strings, numbers and booleans as they are; enums by name; records as objects). */
  @SuppressWarnings("unchecked")
  static Object toJson(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    Object tree = DatabindCodec.mapper().convertValue(value, Object.class);
    if (tree instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    return tree instanceof List<?> list ? new JsonArray((List<Object>) list) : tree;
  }

  /** JSON back as {@code type}; a value that does not fit says which type it was read as. */
  static <T> T read(Object json, Class<T> type) {
    if (json == null) {
      return null;
    }
    if (type.isInstance(json) && (json instanceof String || json instanceof Boolean)) {
      return type.cast(json);
    }
    Object plain = json instanceof JsonObject object ? object.getMap() : json instanceof JsonArray array
        ? array.getList() : json;
    try {
      return DatabindCodec.mapper().convertValue(plain, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("saved state does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
