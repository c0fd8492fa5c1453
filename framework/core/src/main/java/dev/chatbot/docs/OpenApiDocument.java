package dev.chatbot.docs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The product's OpenAPI 3.1 description ({@code openapi.yaml} on the class path): the bytes served at
 * {@code /openapi.yaml}, and the same document as JSON for vertx-openapi to validate requests with. One file is both
 * the documentation and the contract, so they cannot disagree.
 */
public final class OpenApiDocument {

  public static final String RESOURCE = "openapi.yaml";

  private final Buffer yaml;
  // Parsed on first use, by the admin API only: parsing costs about a tenth of the startup time.
  private JsonObject json;

  private OpenApiDocument(Buffer yaml) {
    this.yaml = yaml;
  }

  /** Reads the document from the class path (a small blocking read, done once at startup). */
  public static OpenApiDocument load() {
    byte[] bytes;
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OpenApiDocument(Buffer.buffer(bytes));
  }

  /** The YAML as written, for {@code GET /openapi.yaml}. */
  public Buffer yaml() {
    return yaml.copy();
  }

  /** The whole document as JSON. */
  public JsonObject json() {
    return parsed().copy();
  }

  private synchronized JsonObject parsed() {
    if (json == null) {
      Object yamlValue = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.toString(StandardCharsets.UTF_8));
      json = (JsonObject) toJson(yamlValue);
    }
    return json;
  }

  /**
   * The document reduced to the paths starting with {@code prefix} (every component kept). vertx-openapi validates
   * JSON bodies only, so the request validator gets the JSON part of the contract, the admin API, and not the
   * form-encoded Slack webhooks or the HTML pages.
   */
  public JsonObject only(String prefix) {
    JsonObject copy = parsed().copy();
    JsonObject paths = new JsonObject();
    copy.getJsonObject("paths").forEach(entry -> {
      if (entry.getKey().startsWith(prefix)) {
        paths.put(entry.getKey(), entry.getValue());
      }
    });
    return copy.put("paths", paths);
  }

  // YAML maps may have non-string keys (a bare 200 is an integer); JSON object keys are strings.
  private static Object toJson(Object yamlValue) {
    if (yamlValue instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      map.forEach((key, value) -> object.put(String.valueOf(key), toJson(value)));
      return new JsonObject(object);
    }
    if (yamlValue instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    return yamlValue;
  }
}
