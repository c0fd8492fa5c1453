package dev.chatbot.testkit.telegram;

import dev.chatbot.testkit.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The usual setup of a Telegram test as a JUnit extension: before the class, a {@link TelegramApiStub} and a
 * {@link TestServer} with the Telegram adapter pointed at it (plus {@code extra} name, value pairs such as the bot);
 * before each test, the stub back to answering {@code ok} with nothing received; after the class, both stopped.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TelegramTestServer telegram = new TelegramTestServer("BOT", "echo");
 *
 * @Test
 * void echoes() {
 *   telegram.updates().text(4242, "hi").deliver();
 *   assertThat(telegram.api().awaitCall().body().getString("text")).isEqualTo("hi");
 * }
 * }</pre>
 */
public final class TelegramTestServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final String[] extra;
  private TelegramApiStub api;
  private TestServer server;
  private TelegramUpdates updates;

  public TelegramTestServer(String... extra) {
    this.extra = extra.clone();
  }

  /** The Bot API stub. */
  public TelegramApiStub api() {
    return api;
  }

  public TestServer server() {
    return server;
  }

  /** Updates for {@link #server()}, with its webhook secret. */
  public TelegramUpdates updates() {
    return updates;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    api = TelegramApiStub.start();
    server = TestServer.start(api.env(extra));
    updates = new TelegramUpdates(server);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    api.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Also after a failed start: stop what did start.
    if (server != null) {
      server.close();
    }
    if (api != null) {
      api.close();
    }
  }
}
