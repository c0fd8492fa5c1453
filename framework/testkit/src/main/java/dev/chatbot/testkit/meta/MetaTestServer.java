package dev.chatbot.testkit.meta;

import dev.chatbot.testkit.TestServer;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The usual setup of a Meta adapter test as a JUnit extension: before the class, a {@link GraphApiStub} and a
 * {@link TestServer} with one Meta platform pointed at it; before each test, the stub back to answering 200 with
 * nothing received; after the class, both stopped.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MetaTestServer meta = MetaTestServer.messenger("BOT", "echo");
 *
 * @Test
 * void echoes() {
 *   meta.webhooks().deliver(MetaWebhooks.messengerText("4711", "hi"));
 *   assertThat(meta.graph().awaitMessengerSend().getJsonObject("message").getString("text")).isEqualTo("hi");
 * }
 * }</pre>
 */
public final class MetaTestServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final BiFunction<GraphApiStub, String[], Map<String, String>> platformEnv;
  private final Function<TestServer, MetaWebhooks> platformWebhooks;
  private final String[] extra;
  private GraphApiStub graph;
  private TestServer server;
  private MetaWebhooks webhooks;

  private MetaTestServer(BiFunction<GraphApiStub, String[], Map<String, String>> platformEnv,
      Function<TestServer, MetaWebhooks> platformWebhooks, String[] extra) {
    this.platformEnv = platformEnv;
    this.platformWebhooks = platformWebhooks;
    this.extra = extra.clone();
  }

  /** Messenger on ({@link GraphApiStub#messengerEnv}), plus {@code extra} name, value pairs such as the bot. */
  public static MetaTestServer messenger(String... extra) {
    return new MetaTestServer(GraphApiStub::messengerEnv, MetaWebhooks::messenger, extra);
  }

  /** WhatsApp on ({@link GraphApiStub#whatsappEnv}), plus {@code extra} name, value pairs such as the bot. */
  public static MetaTestServer whatsapp(String... extra) {
    return new MetaTestServer(GraphApiStub::whatsappEnv, MetaWebhooks::whatsapp, extra);
  }

  public GraphApiStub graph() {
    return graph;
  }

  public TestServer server() {
    return server;
  }

  /** The platform's webhook of {@link #server()}, signing with its app secret. */
  public MetaWebhooks webhooks() {
    return webhooks;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    graph = GraphApiStub.start();
    server = TestServer.start(platformEnv.apply(graph, extra));
    webhooks = platformWebhooks.apply(server);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    graph.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Also after a failed start: stop what did start.
    if (server != null) {
      server.close();
    }
    if (graph != null) {
      graph.close();
    }
  }
}
