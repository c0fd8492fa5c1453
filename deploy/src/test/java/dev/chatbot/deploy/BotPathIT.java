package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.telegram.TelegramApiStub;
import dev.chatbot.testkit.telegram.TelegramUpdates;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot the jar was not built with (the archetype's): compiled here into a jar of its own, dropped into a
 * {@code BOT_PATH} directory, and answering through the shipped fat jar (as a separate process) over a Telegram
 * webhook.
 */
class BotPathIT {

  /** The archetype's bot: the code a user starts from, here made into a plugin jar. */
  static final Path ARCHETYPE_BOT =
      Path.of("..", "archetype", "src", "main", "resources", "archetype-resources", "src", "main", "java", "GreeterBot.java");

  static String pluginBotSource() throws Exception {
    return Files.readString(ARCHETYPE_BOT).replace("${package}", "example.plugin").replace("${botName}", "plugin");
  }

  @TempDir
  Path dir;

  @Test
  void aBotJarInBotPathAnswersThroughTheShippedJar() throws Exception {
    Path bots = dir.resolve("bots");
    PluginJar.build(bots.resolve("plugin-bot.jar"), "example.plugin.GreeterBot", pluginBotSource());
    Files.writeString(bots.resolve("notes.txt"), "not a jar: ignored");

    int port = TestServer.freePort();
    try (TelegramApiStub telegram = TelegramApiStub.start()) {
      Map<String, String> env = new HashMap<>(telegram.env());
      env.put("HTTP_PORT", String.valueOf(port));
      env.put("BOT_PATH", bots.toString());
      try (JarProcess jar = JarProcess.start(env)) {
        jar.awaitReady("http://127.0.0.1:" + port + "/health/ready");
        String[] lines = {"bot_path jars=1 bots=plugin", "bot=plugin deployed", "adapter=telegram state=on"};
        assertThat(jar.awaitOutput(lines)).contains(lines);

        new TelegramUpdates("http://127.0.0.1:" + port, TelegramApiStub.WEBHOOK_SECRET).text(31337, "hello").deliver();

        assertThat(telegram.awaitCall().body()).isEqualTo(new JsonObject().put("chat_id", 31337)
            .put("text", "Hello! What is your name? (say \"my name is ...\")"));
        assertThat(jar.terminate()).isZero();
      }
    }
  }

  @Test
  void aBotPathThatIsNotADirectoryStopsStartupNamingIt() throws Exception {
    try (JarProcess jar = JarProcess.start(Map.of("BOT_PATH", dir.resolve("missing").toString()))) {
      assertThat(jar.awaitExit()).isEqualTo(2);
      assertThat(jar.output().strip()).startsWith("error: BOT_PATH must be a directory of bot jars");
    }
  }
}
