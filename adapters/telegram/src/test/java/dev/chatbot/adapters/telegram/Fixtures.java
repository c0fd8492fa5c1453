package dev.chatbot.adapters.telegram;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test resources: recorded updates ({@code /updates}) and golden Bot API bodies ({@code /golden}). */
final class Fixtures {

  private Fixtures() {}

  static String text(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Buffer update(String name) {
    return Buffer.buffer(text("/updates/" + name));
  }

  static JsonObject golden(String name) {
    return new JsonObject(text("/golden/" + name));
  }
}
