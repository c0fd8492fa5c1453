package dev.chatbot.nlu;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
}
