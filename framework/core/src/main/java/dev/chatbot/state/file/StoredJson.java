package dev.chatbot.state.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;

/**
 * How values sit in the file: UTF-8 JSON bytes, encoded by the caller so the one writer thread only copies them
 * (MVStore copies a byte array as it is, where it would encode a String char by char). Files written by earlier
 * versions hold JSON Strings: {@link #decode} reads both.
 */
final class StoredJson {

  private StoredJson() {}

  static byte[] encode(Object value) {
    if (value instanceof JsonObject json) {
      return json.toBuffer().getBytes();
    }
    try {
      return DatabindCodec.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot be stored as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static <T> T decode(Object stored, Class<T> type) {
    if (type == JsonObject.class) {
      return type.cast(stored instanceof byte[] bytes ? new JsonObject(Buffer.buffer(bytes)) : new JsonObject((String) stored));
    }
    try {
      return stored instanceof byte[] bytes
          ? DatabindCodec.mapper().readValue(bytes, type) : DatabindCodec.mapper().readValue((String) stored, type);
    } catch (IOException e) {
      throw new IllegalStateException("a stored value cannot be read: " + e.getMessage(), e);
    }
  }
}
