package dev.chatbot.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a vertx-openapi validation failure into the {@code details} of a 400: one line per problem, naming the field
 * ({@code message.text: Instance type number is invalid. Expected string}).
 *
 * <p>A raw JSON Schema report of a {@code oneOf} lists why the instance fails every branch, which buries the one
 * line that matters. Where the schema has an OpenAPI {@code discriminator} (the reply's {@code type}), only the
 * branch the instance asked for is reported, and wrapper lines ("a subschema had errors") are left out.
 */
final class ValidationDetails {

  private static final Pattern ONE_OF_BRANCH = Pattern.compile("/oneOf/(\\d+)");
  private static final Pattern REQUIRED = Pattern.compile("Instance does not have required property \"(.+)\"");
  private static final Pattern SCHEMA_ONE_OF = Pattern.compile("/components/schemas/([^/]+)/oneOf$");

  /** Per schema with a discriminator: the property, and which {@code oneOf} index each value selects. */
  record Discriminator(String property, Map<String, Integer> branches) {}

  private final Map<String, Discriminator> discriminators;

  private ValidationDetails(Map<String, Discriminator> discriminators) {
    this.discriminators = discriminators;
  }

  static ValidationDetails from(JsonObject openApi) {
    Map<String, Discriminator> found = new HashMap<>();
    JsonObject schemas = openApi.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
    for (String name : schemas.fieldNames()) {
      JsonObject schema = schemas.getJsonObject(name);
      JsonObject discriminator = schema.getJsonObject("discriminator");
      JsonArray oneOf = schema.getJsonArray("oneOf");
      if (discriminator == null || oneOf == null) {
        continue;
      }
      Map<String, Integer> branches = new HashMap<>();
      discriminator.getJsonObject("mapping", new JsonObject()).forEach(entry -> {
        for (int i = 0; i < oneOf.size(); i++) {
          if (entry.getValue().equals(oneOf.getJsonObject(i).getString("$ref"))) {
            branches.put(entry.getKey(), i);
          }
        }
      });
      found.put(name, new Discriminator(discriminator.getString("propertyName"), branches));
    }
    return new ValidationDetails(Map.copyOf(found));
  }

  Map<String, Discriminator> discriminators() {
    return discriminators;
  }

  List<String> of(Throwable failure, Object body) {
    List<String> details = new ArrayList<>();
    if (failure instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      List<OutputUnit> all = new ArrayList<>();
      flatten(schema.getOutputUnit(), all);
      details.addAll(describe(all, body));
    }
    if (details.isEmpty()) {
      details.add(String.valueOf(failure.getMessage()));
    }
    return details;
  }

  private List<String> describe(List<OutputUnit> all, Object body) {
    Map<String, OutputUnit> oneOfs = new HashMap<>();
    for (OutputUnit unit : all) {
      if (unit.getKeywordLocation() != null && unit.getKeywordLocation().endsWith("/oneOf")) {
        oneOfs.put(unit.getKeywordLocation(), unit);
      }
    }
    List<OutputUnit> kept = new ArrayList<>();
    for (OutputUnit unit : all) {
      String keyword = String.valueOf(unit.getKeywordLocation());
      boolean wrapper = keyword.endsWith("/$ref") || keyword.endsWith("/properties") || keyword.endsWith("/items")
          || (keyword.endsWith("/oneOf") && discriminated(unit));
      if (unit.getError() == null || wrapper || !onChosenBranches(keyword, oneOfs, body)) {
        continue;
      }
      kept.add(unit);
    }
    Set<String> lines = new LinkedHashSet<>();
    for (OutputUnit unit : kept) {
      String field = field(unit.getInstanceLocation());
      boolean additional = String.valueOf(unit.getKeywordLocation()).endsWith("/additionalProperties");
      // vertx-json-schema also flags a declared property that failed its own schema as "additional": skip that echo
      if (additional && kept.stream().anyMatch(other -> other != unit
          && !String.valueOf(other.getKeywordLocation()).endsWith("/additionalProperties")
          && (field(other.getInstanceLocation()).equals(field) || field(other.getInstanceLocation()).startsWith(field + ".")))) {
        continue;
      }
      Matcher required = REQUIRED.matcher(unit.getError());
      if (required.matches()) {
        lines.add((field.equals("body") ? "" : field + ".") + required.group(1) + ": is required");
      } else {
        lines.add(field + ": " + (additional ? "is not allowed here (unknown property)" : unit.getError()));
      }
    }
    return new ArrayList<>(lines);
  }

  private boolean discriminated(OutputUnit oneOf) {
    Matcher schema = SCHEMA_ONE_OF.matcher(String.valueOf(oneOf.getAbsoluteKeywordLocation()));
    return schema.find() && discriminators.containsKey(schema.group(1));
  }

  // Every discriminated oneOf the error sits under must be on the branch the instance's discriminator selects.
  private boolean onChosenBranches(String keyword, Map<String, OutputUnit> oneOfs, Object body) {
    Matcher branch = ONE_OF_BRANCH.matcher(keyword);
    while (branch.find()) {
      OutputUnit oneOf = oneOfs.get(keyword.substring(0, branch.start()) + "/oneOf");
      if (oneOf == null) {
        continue;
      }
      Matcher schema = SCHEMA_ONE_OF.matcher(String.valueOf(oneOf.getAbsoluteKeywordLocation()));
      Discriminator discriminator = schema.find() ? discriminators.get(schema.group(1)) : null;
      if (discriminator == null) {
        continue;
      }
      Object instance = at(body, oneOf.getInstanceLocation());
      Object value = instance instanceof JsonObject object ? object.getValue(discriminator.property()) : null;
      Integer chosen = value == null ? null : discriminator.branches().get(String.valueOf(value));
      if (chosen == null || chosen != Integer.parseInt(branch.group(1))) {
        return false;
      }
    }
    return true;
  }

  private static Object at(Object body, String instanceLocation) {
    String pointer = instanceLocation == null ? "" : instanceLocation.startsWith("#") ? instanceLocation.substring(1)
        : instanceLocation;
    try {
      return pointer.isEmpty() ? body : JsonPointer.from(pointer).queryJson(body);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void flatten(OutputUnit unit, List<OutputUnit> into) {
    into.add(unit);
    if (unit.getErrors() != null) {
      unit.getErrors().forEach(child -> flatten(child, into));
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
