package dev.chatbot.adapters.slack;

import dev.chatbot.spi.BadRequestException;
import io.vertx.core.buffer.Buffer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body from the verified raw bytes: the router's form parsing
 * is not used, so nothing is read before the signature is checked.
 */
final class SlackForm {

  private SlackForm() {}

  static Map<String, String> decode(Buffer body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.toString(StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  static String required(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isBlank()) {
      throw new BadRequestException("form field '" + name + "' is missing");
    }
    return value;
  }
}
