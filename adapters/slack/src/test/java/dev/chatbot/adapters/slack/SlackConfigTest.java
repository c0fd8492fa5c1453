package dev.chatbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.chatbot.testkit.TestServer;

class SlackConfigTest {

  @Test
  void offWhenNeitherVariableIsSet() {
    assertThat(new SlackAdapter().configure(Settings.of(Map.of()))).isFalse();
  }

  @Test
  void halfConfiguredStopsStartupNamingTheMissingVariable() {
    assertThat(TestServer.startFailure(Map.of("SLACK_SIGNING_SECRET", "s")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_BOT_TOKEN is not set");
    assertThat(TestServer.startFailure(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
  }

  @Test
  void aBadApiBaseUrlIsNamed() {
    assertThat(TestServer.startFailure(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1",
        "SLACK_API_BASE_URL", "slack.example")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_API_BASE_URL");
  }

  @Test
  void onWithBothVariablesAndTheDefaultApiBase() {
    SlackAdapter adapter = new SlackAdapter();
    assertThat(adapter.configure(Settings.of(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1"))))
        .isTrue();
    assertThat(adapter.webhookPath()).isEqualTo("/webhooks/slack/events");
    assertThat(adapter.capabilities().typing()).isFalse();
  }
}
