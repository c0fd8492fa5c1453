package dev.chatbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.server.ChatbotServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting stops startup with one line that names it. */
class ConfigErrorsTest {

  @Test
  void portThatIsNotANumber() {
    Throwable failure = TestServer.startFailure(Map.of("HTTP_PORT", "abc"));
    assertThat(failure).isInstanceOf(ConfigException.class).hasMessageContaining("HTTP_PORT").hasMessageContaining("abc");
    assertThat(failure.getMessage()).doesNotContain("\n");
  }

  @Test
  void portOutOfRange() {
    assertThat(TestServer.startFailure(Map.of("HTTP_PORT", "70000"))).hasMessageContaining("HTTP_PORT");
  }

  @Test
  void halfConfiguredAdapterNamesTheMissingVariable() {
    Throwable failure = TestServer.startFailure(Map.of("BOT", "recording", "DISCOVERED_TOKEN", "secret-value"));
    assertThat(failure).isInstanceOf(ConfigException.class).hasMessageContaining("DISCOVERED_SECRET");
    assertThat(failure.getMessage()).doesNotContain("secret-value");
  }

  @Test
  void unknownBot() {
    assertThat(TestServer.startFailure(Map.of("BOT", "no-such-bot"))).hasMessageContaining("BOT").hasMessageContaining("no-such-bot");
  }

  @Test
  void unknownStateStoreListsTheRegisteredBackends() {
    assertThat(TestServer.startFailure(Map.of("STATE_STORE", "redis")))
        .hasMessage("STATE_STORE must be one of [file, memory], got 'redis' (another store needs its module on the"
            + " class path)");
  }

  @Test
  void botRoutesThatDoNotPairAPlatformWithABot() {
    assertThat(TestServer.startFailure(Map.of("BOT", "recording", "BOT_ROUTES", "webchat")))
        .hasMessage("BOT_ROUTES must look like 'platform:bot,platform:bot', got 'webchat'");
  }

  @Test
  void unreadableCertificate() {
    Throwable failure = TestServer.startFailure(Map.of("TLS_CERT_PATH", "/nonexistent/cert.pem", "TLS_KEY_PATH", "/nonexistent/key.pem"));
    assertThat(failure).hasMessageContaining("TLS_CERT_PATH");
  }

  @Test
  void configFileThatDoesNotParse(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "HTTP_PORT: [unclosed\n  - : :");
    Throwable failure = ChatbotServer.start(file.toString(), Map.of()).toCompletionStage().toCompletableFuture()
        .handle((server, error) -> error.getCause() != null ? error.getCause() : error).join();
    assertThat(failure).isInstanceOf(ConfigException.class).hasMessageContaining("--config");
  }

  @Test
  void configFileSetsValuesAndEnvironmentWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("chatbot.yaml");
    int port = TestServer.freePort();
    Files.writeString(file, "BOT: no-such-bot-from-file\nHTTP_PORT: " + port + "\nHTTP_HOST: 127.0.0.1\n");
    Throwable failure = ChatbotServer.start(file.toString(), Map.of()).toCompletionStage().toCompletableFuture()
        .handle((server, error) -> error.getCause() != null ? error.getCause() : error).join();
    assertThat(failure).hasMessageContaining("no-such-bot-from-file");
    ChatbotServer server = ChatbotServer.start(file.toString(), Map.of("BOT", "recording", "TEST_ADAPTER", "on",
        "STATE_STORE", "memory"))
        .toCompletionStage().toCompletableFuture().join();
    try {
      assertThat(server.config().httpPort()).isEqualTo(port);
      assertThat(server.config().bots()).containsExactly("recording");
    } finally {
      server.shutdown().toCompletionStage().toCompletableFuture().join();
    }
  }
}
