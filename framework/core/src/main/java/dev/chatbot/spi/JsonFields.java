package dev.chatbot.spi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook's JSON read strictly: a field of the wrong type is a {@link BadRequestException} whose message names
 * the field by its path, as the sender would look it up ({@code entry[0].messaging[0].message.text must be a
 * string}), instead of being coerced ({@code {"a":1}} read as the text {@code "{a=1}"}) or failing with a Java class
 * name. Absent and {@code null} fields read as absent.
 *
 * <pre>{@code
 * JsonFields root = JsonFields.of(body.toJsonObject());
 * for (JsonFields entry : root.objects("entry")) {
 *   String text = entry.object("message").string("text");   // null when absent
 * }
 * }</pre>
 */
public final class JsonFields {


  private final JsonObject json;
  private final String path;

  private JsonFields(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  public static JsonFields of(JsonObject json) {
    return new JsonFields(json, "");
  }

  /** The underlying object. */
  public JsonObject json() {
    return json;
  }

  /** The path of {@code name} in this object, for messages: {@code entry[0].id}. */
  public String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public boolean has(String name) {
    return json.getValue(name) != null;
  }

  /** The string, or null when absent. */
  public String string(String name) {
    Object value = json.getValue(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(name, "a string");
  }

  public String string(String name, String fallback) {
    String value = string(name);
    return value == null ? fallback : value;
  }

  /** The string; a {@link BadRequestException} when absent or empty. */
  public String requiredString(String name) {
    String value = string(name);
    if (value == null || value.isEmpty()) {
      throw new BadRequestException(pathOf(name) + " is missing");
    }
    return value;
  }

  public boolean bool(String name, boolean fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrongType(name, "true or false");
  }

  /** The number, or null when absent. */
  public Number number(String name) {
    Object value = json.getValue(name);
    if (value == null || value instanceof Number) {
      return (Number) value;
    }
    throw wrongType(name, "a number");
  }

  /** The object, or an empty one (whose fields are all absent) when absent. */
  public JsonFields object(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return new JsonFields(new JsonObject(), pathOf(name));
    }
    if (value instanceof JsonObject object) {
      return new JsonFields(object, pathOf(name));
    }
    throw wrongType(name, "an object");
  }

  /** The object, or null when absent. */
  public JsonFields objectOrNull(String name) {
    return has(name) ? object(name) : null;
  }

  /** The array, or an empty one when absent. */
  public JsonArray array(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return new JsonArray();
    }
    if (value instanceof JsonArray array) {
      return array;
    }
    throw wrongType(name, "an array");
  }

  /** The array's items, each an object (an empty list when absent). */
  public List<JsonFields> objects(String name) {
    JsonArray array = array(name);
    List<JsonFields> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String itemPath = pathOf(name) + "[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject item)) {
        throw new BadRequestException(itemPath + " must be an object");
      }
      items.add(new JsonFields(item, itemPath));
    }
    return items;
  }

  private BadRequestException wrongType(String name, String expected) {
    return new BadRequestException(pathOf(name) + " must be " + expected);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + json.encode();
  }
}
