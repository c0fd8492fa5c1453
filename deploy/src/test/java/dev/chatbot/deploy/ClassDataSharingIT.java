package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The class data sharing archive {@code mvn package} makes ({@link CdsTraining}, docs/operate.md "Startup") fits the
 * jar as a user runs it, and holds what a start of the default setup loads: the file store, an adapter with its HTTPS
 * client, the server, the bot.
 */
class ClassDataSharingIT {

  private static final Path ARCHIVE = Path.of("target", "chatbot.jsa");
  private static final String FROM_ARCHIVE = "source: shared objects file";

  @Test
  void aStartLoadsItsClassesFromTheArchive() throws Exception {
    assertThat(ARCHIVE).as("made by mvn package (not with -Dcds.skip)").isRegularFile();
    Path classLog = Files.createTempFile("chatbot-classes", ".log");
    int port = TestServer.freePort();
    // -Xshare:on: an archive that does not fit the jar or the JVM stops the start instead of being ignored. With the
    // README's flags: the archive is made with the JVM's default collector and must fit the serial one too.
    List<String> jvm = List.of("-XX:+UseSerialGC", "-XX:+UseTransparentHugePages", "-Xshare:on",
        "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load=info:file=" + classLog);
    Map<String, String> env = Map.of("HTTP_PORT", String.valueOf(port), "BOT", "shoe-shop",
        "MESSENGER_APP_SECRET", "secret", "MESSENGER_VERIFY_TOKEN", "verify", "MESSENGER_PAGE_ACCESS_TOKEN", "token",
        "MESSENGER_API_BASE_URL", "https://127.0.0.1:" + TestServer.freePort());
    try (JarProcess jar = JarProcess.start(jvm, env)) {
      String ready = "http://127.0.0.1:" + port + "/health/ready";
      jar.awaitReady(ready);
      // TLS is readied after the first readiness answer, then the credential check makes the adapter's first HTTPS
      // call (to a closed port: it fails at once); once it has answered, the TLS classes are loaded too.
      Http.getUntil(ready, answer -> !answer.body().contains("\"checking\""), Duration.ofSeconds(30));
      assertThat(jar.terminate()).isZero();
    }
    List<String> loaded = Files.readAllLines(classLog).stream().filter(line -> line.contains(" source: ")).toList();
    for (String startupClass : List.of("org.h2.mvstore.MVStore", "dev.chatbot.state.file.DataFile",
        "dev.chatbot.server.ChatbotServer", "dev.chatbot.adapters.messenger.MessengerAdapter",
        "io.netty.handler.ssl.SslContext", "ch.qos.logback.classic.LoggerContext")) {
      assertThat(loaded).as(startupClass).anyMatch(line -> line.contains(" " + startupClass + " " + FROM_ARCHIVE));
    }
    long shared = loaded.stream().filter(line -> line.contains(FROM_ARCHIVE)).count();
    assertThat(shared).as("classes from the archive, of %d loaded", loaded.size())
        .isGreaterThan(loaded.size() * 9L / 10);
  }
}
