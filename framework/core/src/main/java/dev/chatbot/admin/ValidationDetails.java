package dev.chatbot.admin;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a vertx-openapi validation failure into the {@code details} of a 400: one line per field, naming it. */
final class ValidationDetails {

  private ValidationDetails() {}

  static List<String> of(Throwable failure) {
    Set<String> details = new LinkedHashSet<>();
    if (failure instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      collect(schema.getOutputUnit(), details);
    }
    if (details.isEmpty()) {
      details.add(String.valueOf(failure.getMessage()));
    }
    return new ArrayList<>(details);
  }

  private static void collect(OutputUnit unit, Set<String> details) {
    List<OutputUnit> nested = unit.getErrors();
    if (nested != null && !nested.isEmpty()) {
      nested.forEach(child -> collect(child, details));
      return;
    }
    if (unit.getError() != null) {
      details.add(field(unit.getInstanceLocation()) + ": " + unit.getError());
    }
  }

  /** {@code #/message/text} or {@code /message/text} becomes {@code message.text}; the root is {@code body}. */
  static String field(String instanceLocation) {
    String pointer = instanceLocation == null ? "" : instanceLocation;
    if (pointer.startsWith("#")) {
      pointer = pointer.substring(1);
    }
    if (pointer.startsWith("/")) {
      pointer = pointer.substring(1);
    }
    return pointer.isEmpty() ? "body" : pointer.replace('/', '.');
  }
}
