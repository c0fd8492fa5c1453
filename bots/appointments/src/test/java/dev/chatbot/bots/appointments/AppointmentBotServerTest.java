package dev.chatbot.bots.appointments;

import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.Text;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bot found by name (ServiceLoader) and run by the real server: webhook, dispatcher, state store, delivery. */
class AppointmentBotServerTest {

  @Test
  void aBookingOverHttpRemembersTheFormBetweenMessages() {
    try (TestServer server = TestServer.start(Map.of("BOT", "appointments", "STATE_STORE", "memory"))) {
      Chat chat = server.chat("erin");
      chat.send("I'd like a shave on Thursday").expectText(Text.contains("At what time?"));
      chat.send("help").expectText(Text.contains("I book haircuts"));
      chat.expectText(Text.contains("At what time?"));
      chat.send("14").expectText(Text.equalTo("And your name?"));
      chat.send("Erin").expectText(Text.equalTo("Booked: shave on Thursday at 14:00 for Erin. See you then!"));
    }
  }
}
