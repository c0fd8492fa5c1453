package dev.chatbot.spi;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The merged raw settings (config file, then environment on top), keyed by the variable names of the README.
 * An adapter gets the part that is its own ({@link PlatformAdapter#configure}); values are never logged.
 */
public final class Settings {

  private final JsonObject values;

  public Settings(JsonObject values) {
    this.values = values.copy();
  }

  public static Settings of(java.util.Map<String, ?> values) {
    return new Settings(new JsonObject(new java.util.HashMap<>(values)));
  }

  /** Only the variables whose names pass {@code names}: what one part of the server may see. */
  public Settings only(Predicate<String> names) {
    JsonObject kept = new JsonObject();
    values.forEach(entry -> {
      if (names.test(entry.getKey())) {
        kept.put(entry.getKey(), entry.getValue());
      }
    });
    return new Settings(kept);
  }

  /** The value of {@code name}, blank counted as unset. */
  public Optional<String> get(String name) {
    Object value = values.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    String text = String.valueOf(value).trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public int getInt(String name, int fallback, int min, int max) {
    Optional<String> raw = get(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + raw.get() + "'");
    }
  }

  public long getMillis(String name, long fallbackMillis) {
    return getInt(name, (int) fallbackMillis, 0, Integer.MAX_VALUE);
  }

  /**
   * A group of variables that switch a feature on together: false when none is set, true when all are, and a
   * {@link ConfigException} naming the first missing one when only some are.
   */
  public boolean group(String feature, String... names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (get(name).isEmpty()) {
        missing.add(name);
      }
    }
    if (missing.size() == names.length) {
      return false;
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(missing.get(0) + " is not set: the " + feature + " needs "
          + String.join(", ", names) + " all set (or none)");
    }
    return true;
  }

  /** A base URL setting, without a trailing slash. */
  public String baseUrl(String name, String fallback) {
    String url = get(name, fallback);
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException(name + " must start with http:// or https://, got '" + url + "'");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
