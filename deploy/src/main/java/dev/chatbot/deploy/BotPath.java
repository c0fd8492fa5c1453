package dev.chatbot.deploy;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.spi.ConfigException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * {@code BOT_PATH}: a directory of bot jars loaded at start, so the shipped jar or image runs a bot without a
 * rebuild. Each jar lists its bots in {@code META-INF/services/dev.chatbot.bot.BotVerticle} (and may bring adapters
 * the same way); they load in a class loader of their own whose parent holds the framework.
 */
final class BotPath {

  static final String VARIABLE = "BOT_PATH";

  private final ClassLoader classes;
  private final List<Path> jars;

  private BotPath(ClassLoader classes, List<Path> jars) {
    this.classes = classes;
    this.jars = jars;
  }

  /** The jars in {@code directory} (none when it is null or blank) on top of {@code parent}. */
  static BotPath load(String directory, ClassLoader parent) {
    if (directory == null || directory.isBlank()) {
      return new BotPath(parent, List.of());
    }
    Path dir = Path.of(directory.trim());
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(VARIABLE + " must be a directory of bot jars, got '" + directory + "'");
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
          .sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(VARIABLE + " " + directory + " cannot be read: " + e.getMessage());
    }
    URL[] urls = jars.stream().map(BotPath::url).toArray(URL[]::new);
    return new BotPath(new URLClassLoader("bot-path", urls, parent), jars);
  }

  /** Where adapters, bots and their resources are found. */
  ClassLoader classes() {
    return classes;
  }

  List<Path> jars() {
    return jars;
  }

  /** The names of the bots the jars bring (not those of the framework's own class path). */
  List<String> botNames() {
    if (jars.isEmpty()) {
      return List.of();
    }
    return ServiceLoader.load(BotVerticle.class, classes).stream()
        .filter(provider -> provider.type().getClassLoader() == classes)
        .map(provider -> provider.get().name())
        .toList();
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new ConfigException(VARIABLE + " holds a file that is not a jar: " + jar.getFileName());
    }
  }
}
