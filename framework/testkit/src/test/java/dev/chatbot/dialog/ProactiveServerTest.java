package dev.chatbot.dialog;

import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.Text;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bot's proactive event through the real server: the conversation's queue, the dispatcher, delivery over HTTP. */
class ProactiveServerTest {

  @Test
  void anEventFromBotCodeIsHandledInTheConversationAndItsReplyDelivered() {
    try (TestServer server = TestServer.start(Map.of("BOT", "pizza-test"))) {
      Chat chat = server.chat("alice");
      chat.send("remind me about the oven").expectText(Text.equalTo("I will."));
      chat.expectText(Text.equalTo("Reminder: the oven"));
      chat.send("large pizza").expectText(Text.equalTo("How many?"));
    }
  }
}
