package dev.chatbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.Settings;
import dev.chatbot.stub.BareAdapter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An adapter is handed its own variables only: never the admin token, the core's or another adapter's. */
class AdapterSettingsTest {

  @Test
  void anAdapterReadsItsOwnVariablesAndNotTheAdminToken() {
    Settings all = Settings.of(Map.of(
        "ADMIN_API_TOKEN", "admin-secret",
        "DATA_DIR", "/var/lib/chatbot",
        "PUBLIC_BASE_URL", "https://bot.example.com",
        "SLACK_BOT_TOKEN", "xoxb-1",
        "GOOGLE_CHAT_KEY", "gc-key",
        "GOOGLE_CHAT_API_BASE_URL", "http://127.0.0.1:9/chat",
        "SHARED_WEBHOOK_KEY", "shared"));
    BareAdapter adapter = new BareAdapter("google-chat", List.of("SHARED_WEBHOOK_KEY"), List.of());

    List<PlatformAdapter> enabled = AdapterDirectory.enabled(List.of(adapter), all);

    assertThat(enabled).containsExactly(adapter);
    Settings seen = adapter.settings().get();
    assertThat(seen.get("GOOGLE_CHAT_KEY")).hasValue("gc-key");
    assertThat(seen.get("GOOGLE_CHAT_API_BASE_URL")).hasValue("http://127.0.0.1:9/chat");
    assertThat(seen.get("SHARED_WEBHOOK_KEY")).as("declared in variables()").hasValue("shared");
    for (String notItsOwn : List.of("ADMIN_API_TOKEN", "DATA_DIR", "PUBLIC_BASE_URL", "SLACK_BOT_TOKEN")) {
      assertThat(seen.get(notItsOwn)).as(notItsOwn).isEmpty();
    }
  }
}
