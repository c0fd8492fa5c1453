package dev.chatbot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A running server's {@code GET /openapi.yaml}, read for assertions. An adapter's test checks with it that the routes
 * it mounts are described (its fragment, {@code PlatformAdapter.openApi()}, is merged) and that every reference in
 * the merged document resolves.
 *
 * <pre>{@code
 * ApiDescription api = ApiDescription.of(server);
 * assertThat(api.methods("/webhooks/telegram")).containsExactly("post");
 * assertThat(api.unresolvedReferences()).isEmpty();
 * }</pre>
 */
public final class ApiDescription {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final Map<String, Object> document;

  private ApiDescription(Map<String, Object> document) {
    this.document = document;
  }

  /** Fetches {@code /openapi.yaml} from {@code server}; fails unless it answers 200 with a YAML mapping. */
  public static ApiDescription of(TestServer server) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/openapi.yaml"))).GET().build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET /openapi.yaml answered " + response.statusCode() + ": " + response.body());
      }
      return parse(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static ApiDescription parse(String yaml) {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(document instanceof Map<?, ?> map)) {
      throw new AssertionError("/openapi.yaml is not a YAML mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) map;
    return new ApiDescription(fields);
  }

  /** The HTTP methods described for {@code path} (lower case, sorted), none when the path is not described. */
  public Set<String> methods(String path) {
    Set<String> methods = new TreeSet<>();
    if (child(child(document, "paths"), path) instanceof Map<?, ?> operations) {
      operations.keySet().stream().map(String::valueOf).filter(METHODS::contains).forEach(methods::add);
    }
    return methods;
  }

  /** The {@code $ref}s that point at nothing in the document (only local {@code #/...} references resolve). */
  public List<String> unresolvedReferences() {
    List<String> references = new ArrayList<>();
    collectReferences(document, references);
    return references.stream().filter(reference -> !resolves(reference)).toList();
  }

  /** The document itself, as parsed. */
  public Map<String, Object> document() {
    return document;
  }

  private boolean resolves(String reference) {
    if (!reference.startsWith("#/")) {
      return false;
    }
    Object node = document;
    for (String name : reference.substring(2).split("/")) {
      node = child(node, name.replace("~1", "/").replace("~0", "~"));
      if (node == null) {
        return false;
      }
    }
    return true;
  }

  private static Object child(Object node, String name) {
    return node instanceof Map<?, ?> map ? map.get(name) : null;
  }

  private static void collectReferences(Object node, List<String> references) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        if ("$ref".equals(key)) {
          references.add(String.valueOf(value));
        } else {
          collectReferences(value, references);
        }
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectReferences(item, references));
    }
  }
}
