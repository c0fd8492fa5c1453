package ${package};

import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.Text;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole server in this JVM on a free port, and a conversation with the bot through it. */
class GreeterBotTest {

  @Test
  void asksForANameThenRemembersIt() {
    try (TestServer server = TestServer.start(Map.of("BOT", "${botName}"))) {
      Chat chat = server.chat("alice");
      chat.send("hi").expectText(Text.contains("What is your name?"));
      chat.send("my name is Alice").expectQuickReplies(Text.contains("Nice to meet you"));
      chat.tap("Say hello").expectText(Text.equalTo("Hello, Alice!"));
    }
  }
}
