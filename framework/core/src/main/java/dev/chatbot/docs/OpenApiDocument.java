package dev.chatbot.docs;

import dev.chatbot.spi.PlatformAdapter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The product's OpenAPI 3.1 description: the core's {@code openapi.yaml} (operations, admin API, shared components)
 * with the fragments of every adapter on the class path ({@link PlatformAdapter#openApi()}) merged in. The same
 * document is served at {@code /openapi.yaml} and, as JSON, validates admin requests (vertx-openapi): one
 * description is both the documentation and the contract, so they cannot disagree.
 */
public final class OpenApiDocument {

  public static final String RESOURCE = "openapi.yaml";
  /** What a fragment may hold; {@code openapi}, {@code info} and the rest are the core's. */
  static final Set<String> FRAGMENT_KEYS = Set.of("paths", "components", "tags");

  /** Where a part of the document comes from, for messages: {@code core} or {@code adapter=slack}. */
  record Part(String owner, URL url) {}

  private final List<Part> parts;
  // Merged on first use (served off the event loop, or by the admin API at start): parsing and merging cost about
  // a tenth of the startup time, which a server that is never asked for its description does not pay.
  private Merged merged;

  private record Merged(Buffer yaml, JsonObject json) {}

  OpenApiDocument(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** The core's description alone. */
  public static OpenApiDocument load() {
    return load(List.of());
  }

  /**
   * The core's description and the fragments of {@code adapters}. A fragment an adapter lists but does not ship fails
   * here, at startup; a shared fragment (one URL listed by several adapters) is merged once.
   */
  public static OpenApiDocument load(Collection<PlatformAdapter> adapters) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("core", resource(OpenApiDocument.class.getClassLoader(), RESOURCE, "the core")));
    Set<URL> seen = new LinkedHashSet<>();
    for (PlatformAdapter adapter : adapters) {
      String owner = "adapter=" + adapter.platform();
      for (String name : adapter.openApi()) {
        URL url = resource(adapter.getClass().getClassLoader(), name, owner);
        if (seen.add(url)) {
          parts.add(new Part(owner, url));
        }
      }
    }
    return new OpenApiDocument(parts);
  }

  private static URL resource(ClassLoader classes, String name, String owner) {
    URL url = classes.getResource(name);
    if (url == null) {
      throw new IllegalStateException(owner + ": its OpenAPI description " + name + " is missing from the class path");
    }
    return url;
  }

  /** The whole description as YAML, for {@code GET /openapi.yaml}. */
  public Buffer yaml() {
    return merged().yaml().copy();
  }

  /** The whole description as JSON. */
  public JsonObject json() {
    return merged().json().copy();
  }

  /**
   * The description reduced to the paths starting with {@code prefix} (every component kept). vertx-openapi
   * validates JSON bodies only, so the request validator gets the JSON part of the contract, the admin API, and not
   * the form-encoded webhooks or the HTML pages.
   */
  public JsonObject only(String prefix) {
    JsonObject copy = json();
    JsonObject paths = new JsonObject();
    copy.getJsonObject("paths").forEach(entry -> {
      if (entry.getKey().startsWith(prefix)) {
        paths.put(entry.getKey(), entry.getValue());
      }
    });
    return copy.put("paths", paths);
  }

  private synchronized Merged merged() {
    if (merged == null) {
      Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
      Map<String, Object> document = null;
      for (Part part : parts) {
        Map<String, Object> read = plain(parser.load(read(part.url())), part);
        if (document == null) {
          document = read;
        } else {
          mergeFragment(document, read, part);
        }
      }
      merged = new Merged(Buffer.buffer(dumper().dump(document)), (JsonObject) toJson(document));
    }
    return merged;
  }

  /** Adds a fragment's paths, components and tags to {@code document}, refusing what would replace something. */
  @SuppressWarnings("unchecked")
  private static void mergeFragment(Map<String, Object> document, Map<String, Object> fragment, Part part) {
    for (String key : fragment.keySet()) {
      if (!FRAGMENT_KEYS.contains(key)) {
        throw new IllegalStateException(part.owner() + ": " + part.url() + " may hold " + FRAGMENT_KEYS + " only, not "
            + key);
      }
    }
    Map<String, Object> paths = (Map<String, Object>) document.computeIfAbsent("paths", key -> new LinkedHashMap<>());
    ((Map<String, Object>) fragment.getOrDefault("paths", Map.of())).forEach((path, operations) -> {
      if (paths.putIfAbsent(path, operations) != null) {
        throw new IllegalStateException(part.owner() + ": the path " + path + " is already described");
      }
    });
    Map<String, Object> components =
        (Map<String, Object>) document.computeIfAbsent("components", key -> new LinkedHashMap<>());
    ((Map<String, Object>) fragment.getOrDefault("components", Map.of())).forEach((kind, named) -> {
      Map<String, Object> ofKind = (Map<String, Object>) components.computeIfAbsent(kind, key -> new LinkedHashMap<>());
      ((Map<String, Object>) named).forEach((name, definition) -> {
        Object before = ofKind.putIfAbsent(name, definition);
        if (before != null && !before.equals(definition)) {
          throw new IllegalStateException(part.owner() + ": the component " + kind + "/" + name
              + " is already described otherwise");
        }
      });
    });
    List<Object> tags = (List<Object>) document.computeIfAbsent("tags", key -> new ArrayList<>());
    for (Object tag : (List<Object>) fragment.getOrDefault("tags", List.of())) {
      Object name = ((Map<String, Object>) tag).get("name");
      if (tags.stream().noneMatch(known -> Objects.equals(((Map<String, Object>) known).get("name"), name))) {
        tags.add(tag);
      }
    }
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // YAML maps may have non-string keys (a bare 200 is an integer); OpenAPI and JSON keys are strings.
  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Object yamlValue, Part part) {
    if (!(yamlValue instanceof Map<?, ?>)) {
      throw new IllegalStateException(part.owner() + ": " + part.url() + " is not a YAML mapping");
    }
    return (Map<String, Object>) stringKeys(yamlValue);
  }

  private static Object stringKeys(Object yamlValue) {
    if (yamlValue instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      map.forEach((key, value) -> object.put(String.valueOf(key), stringKeys(value)));
      return object;
    }
    if (yamlValue instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(stringKeys(item)));
      return items;
    }
    return yamlValue;
  }

  private static Object toJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((key, item) -> object.put((String) key, toJson(item)));
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    return value;
  }

  /** Block style as written by hand, multi-line descriptions as literal blocks. */
  private static Yaml dumper() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    Representer representer = new Representer(options) {
      {
        Represent strings = representers.get(String.class);
        representers.put(String.class, data -> ((String) data).contains("\n")
            ? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL)
            : strings.representData(data));
      }
    };
    return new Yaml(representer, options);
  }
}
