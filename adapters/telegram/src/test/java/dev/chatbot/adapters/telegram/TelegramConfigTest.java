package dev.chatbot.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.spi.SendRate;
import dev.chatbot.testkit.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramConfigTest {

  @Test
  void offWithoutItsVariables() {
    assertThat(new TelegramAdapter().configure(Settings.of(Map.of()))).isFalse();
  }

  @Test
  void halfConfiguredStopsStartupNamingTheMissingVariableNotTheSecret() {
    Throwable failure = TestServer.startFailure(Map.of("TELEGRAM_BOT_TOKEN", "123:very-secret"));
    assertThat(failure).isInstanceOf(ConfigException.class);
    assertThat(failure.getMessage()).contains("TELEGRAM_WEBHOOK_SECRET").doesNotContain("very-secret");
  }

  @Test
  void aSecretTelegramWouldRefuseStopsStartup() {
    Throwable failure = TestServer.startFailure(Map.of("TELEGRAM_BOT_TOKEN", "123:abc",
        "TELEGRAM_WEBHOOK_SECRET", "has spaces!"));
    assertThat(failure).isInstanceOf(ConfigException.class);
    assertThat(failure.getMessage()).startsWith("TELEGRAM_WEBHOOK_SECRET ").doesNotContain("has spaces!");
  }

  @Test
  void theDefaultsAreTelegramsOwn() {
    TelegramAdapter adapter = new TelegramAdapter();
    assertThat(adapter.webhookPath()).isEqualTo("/webhooks/telegram");
    assertThat(adapter.defaultSendRate()).isEqualTo(SendRate.perChannel(1, 5));
    assertThat(adapter.capabilities().maxPayloadBytes()).isEqualTo(64);
  }
}
