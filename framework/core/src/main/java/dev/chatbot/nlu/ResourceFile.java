package dev.chatbot.nlu;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bot's data file on the class path (its words, replies, charts, catalog), read once at start: a blocking read, so
 * call it off the event loop or before the bot serves. A missing file fails with its name.
 */
public final class ResourceFile {

  private ResourceFile() {}

  /** The file's text; {@code path} is from the class path's root, with or without a leading "/". */
  public static String text(String path) {
    String resource = path.startsWith("/") ? path : "/" + path;
    try (InputStream in = ResourceFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("data file not found on the class path: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data file " + resource, e);
    }
  }

  /** The file as a JSON object. */
  public static JsonObject json(String path) {
    return new JsonObject(text(path));
  }

  /** A JSON array of words or phrases as a list. */
  public static List<String> words(JsonArray array) {
    return array.stream().map(String.class::cast).toList();
  }

  /** An object of word lists ({@code {"women": ["ladies", "her"], ...}}), in the file's order. */
  public static Map<String, List<String>> wordLists(JsonObject object) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    object.forEach(entry -> lists.put(entry.getKey(), words((JsonArray) entry.getValue())));
    return lists;
  }
}
