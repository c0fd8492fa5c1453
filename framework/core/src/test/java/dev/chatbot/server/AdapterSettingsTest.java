package dev.chatbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.Settings;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An adapter is handed its own variables only: never the admin token, the core's or another adapter's. */
class AdapterSettingsTest {

  static final Settings ALL = Settings.of(Map.of(
      "ADMIN_API_TOKEN", "admin-secret",
      "DATA_DIR", "/var/lib/chatbot",
      "PUBLIC_BASE_URL", "https://bot.example.com",
      "SLACK_BOT_TOKEN", "xoxb-1",
      "GOOGLE_CHAT_KEY", "gc-key",
      "GOOGLE_CHAT_API_BASE_URL", "http://127.0.0.1:9/chat",
      "SHARED_WEBHOOK_KEY", "shared"));

  @Test
  void anAdapterReadsItsOwnVariablesAndNotTheAdminToken() {
    Peeking adapter = new Peeking("google-chat", List.of("SHARED_WEBHOOK_KEY"));

    List<PlatformAdapter> enabled = AdapterDirectory.enabled(List.of(adapter), ALL);

    assertThat(enabled).containsExactly(adapter);
    assertThat(adapter.seen.get("GOOGLE_CHAT_KEY")).hasValue("gc-key");
    assertThat(adapter.seen.get("GOOGLE_CHAT_API_BASE_URL")).hasValue("http://127.0.0.1:9/chat");
    assertThat(adapter.seen.get("SHARED_WEBHOOK_KEY")).as("declared in variables()").hasValue("shared");
    for (String notItsOwn : List.of("ADMIN_API_TOKEN", "DATA_DIR", "PUBLIC_BASE_URL", "SLACK_BOT_TOKEN")) {
      assertThat(adapter.seen.get(notItsOwn)).as(notItsOwn).isEmpty();
    }
  }

  /** Keeps what {@link #configure} was given. */
  private static final class Peeking implements PlatformAdapter {
    private final String platform;
    private final List<String> variables;
    Settings seen;

    Peeking(String platform, List<String> variables) {
      this.platform = platform;
      this.variables = variables;
    }

    @Override
    public String platform() {
      return platform;
    }

    @Override
    public List<String> variables() {
      return variables;
    }

    @Override
    public boolean configure(Settings settings) {
      seen = settings;
      return true;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.UNLIMITED;
    }

    @Override
    public Future<Void> start(AdapterContext context) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> send(ConversationRef to, Reply reply) {
      return Future.succeededFuture();
    }
  }
}
