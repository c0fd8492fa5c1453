package dev.chatbot.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A bot jar built the way a user builds one: a compiled {@code BotVerticle} and its services file. */
final class PluginJar {

  private PluginJar() {}

  /** Compiles {@code source} (class {@code className}) against the framework and packs it as {@code jar}. */
  static Path build(Path jar, String className, String source) throws IOException {
    Path work = Files.createTempDirectory("plugin-src");
    Path file = work.resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        "--release", "17", file.toString());
    if (exit != 0) {
      throw new IllegalStateException("the plugin bot did not compile (exit " + exit + ")");
    }
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path compiled : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(compiled).toString().replace('\\', '/')));
        Files.copy(compiled, out);
        out.closeEntry();
      }
      write(out, "META-INF/services/dev.chatbot.bot.BotVerticle", className + "\n");
    }
    return jar;
  }

  private static void write(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
