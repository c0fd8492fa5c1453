package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Adapters use only the public SPI (docs/library.md): of the framework's own packages, {@code dev.chatbot.spi} and
 * {@code dev.chatbot.model}, besides adapter code ({@code dev.chatbot.adapters.*}, such as the shared Meta code).
 * Read from the compiled classes of every adapter on the class path, so a core type reached without being named in
 * the source (the return type of a chained call) counts too.
 */
class AdapterBoundaryTest {

  static final Set<String> PUBLIC = Set.of("spi", "model", "adapters");
  // Every class name, descriptor and signature a class file uses is in its constant pool as (modified) UTF-8.
  private static final Pattern FRAMEWORK_TYPE = Pattern.compile("dev/chatbot/([a-z]+)/([A-Za-z0-9_/$]+)");

  @Test
  void adaptersReferenceNoCoreInternals() throws Exception {
    Map<String, Set<String>> internals = new TreeMap<>();
    Set<String> modules = new TreeSet<>();
    for (URL root : Collections.list(getClass().getClassLoader().getResources("dev/chatbot/adapters/"))) {
      forEachClass(root, (name, bytes) -> {
        modules.add(name.split("/")[3]);
        Set<String> used = internalsUsedBy(bytes);
        if (!used.isEmpty()) {
          internals.put(name, used);
        }
      });
    }
    assertThat(modules).contains("messenger", "meta", "slack", "telegram", "webchat", "whatsapp");
    assertThat(internals).as("core internals used by adapters").isEmpty();
  }

  @Test
  void theCheckSeesAnInternalTypeInAClassFile() {
    byte[] constantPool = "Ldev/chatbot/server/HttpErrors;(Ldev/chatbot/spi/Settings;)Ldev/chatbot/model/Reply;"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(internalsUsedBy(constantPool)).containsExactly("dev.chatbot.server.HttpErrors");
  }

  static Set<String> internalsUsedBy(byte[] classFile) {
    Set<String> used = new TreeSet<>();
    Matcher type = FRAMEWORK_TYPE.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
    while (type.find()) {
      if (!PUBLIC.contains(type.group(1))) {
        used.add(("dev/chatbot/" + type.group(1) + "/" + type.group(2)).replace('/', '.'));
      }
    }
    return used;
  }

  interface ClassVisitor {
    void visit(String name, byte[] bytes) throws IOException;
  }

  /** Each {@code .class} under {@code root} ({@code .../dev/chatbot/adapters/} in a directory or a jar). */
  private static void forEachClass(URL root, ClassVisitor visitor) throws IOException, URISyntaxException {
    URI uri = root.toURI();
    if (uri.getScheme().equals("jar")) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        visitAll(jar.getPath("/dev/chatbot/adapters"), jar.getPath("/"), visitor);
      }
    } else {
      Path dir = Path.of(uri);
      visitAll(dir, dir.getParent().getParent().getParent(), visitor);
    }
  }

  private static void visitAll(Path dir, Path classRoot, ClassVisitor visitor) throws IOException {
    List<Path> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(file -> file.toString().endsWith(".class")).forEach(classes::add);
    }
    for (Path file : classes) {
      visitor.visit(classRoot.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
    }
  }
}
