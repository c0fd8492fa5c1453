package dev.chatbot.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.model.Message;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.WebhookOutcome;
import dev.chatbot.spi.WebhookParser;
import dev.chatbot.spi.WebhookReader;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter alone on a bare router, with a context whose "accepting" switch the test flips: once shutdown has
 * begun, messages get a retryable error frame and new sockets a 503, and nothing reaches the core.
 */
class WebchatShutdownTest {

  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final List<Message> accepted = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private HttpServer http;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    new WebchatAdapter().start(new FakeContext(router));
    http = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String socketUrl() {
    return "ws://127.0.0.1:" + http.actualPort() + "/chat/ws";
  }

  @Test
  void whileShuttingDownMessagesAreRefusedWithARetryableErrorFrame() {
    try (SocketClient client = SocketClient.connect(socketUrl())) {
      client.take("session");
      client.sendText("before", "taken");
      assertThat(client.take("ack").getString("id")).isEqualTo("before");

      accepting.set(false);
      client.sendText("during", "refused");
      var error = client.take("error");
      assertThat(error.getString("id")).isEqualTo("during");
      assertThat(error.getBoolean("retry")).isTrue();
      assertThat(error.getString("error")).contains("restarting");
    }
    assertThat(accepted).extracting(Message::text).containsExactly("taken");
    assertThat(accepted.get(0).conversation().platform()).isEqualTo("webchat");
  }

  @Test
  void whileShuttingDownNewSocketsAreRefused() {
    accepting.set(false);
    assertThatThrownBy(() -> SocketClient.connect(socketUrl())).rootCause().hasMessageContaining("503");
  }

  private final class FakeContext implements AdapterContext {
    private final Router router;

    FakeContext(Router router) {
      this.router = router;
    }

    @Override
    public Vertx vertx() {
      return vertx;
    }

    @Override
    public Router router() {
      return router;
    }

    @Override
    public String publicBaseUrl() {
      return "http://localhost:8080";
    }

    @Override
    public Optional<Path> dataDir() {
      return Optional.empty();
    }

    @Override
    public Inbound inbound() {
      return messages -> {
        accepted.addAll(messages);
        return Future.succeededFuture(new Inbound.Accepted(messages.size(), 0));
      };
    }

    @Override
    public void countWebhook(WebhookOutcome outcome) {}

    @Override
    public WebClient createWebClient() {
      throw new UnsupportedOperationException("the web chat sends over its sockets");
    }

    @Override
    public Handler<RoutingContext> webhook(WebhookVerifier verifier, WebhookParser parser) {
      throw new UnsupportedOperationException("the web chat has no webhook");
    }

    @Override
    public Handler<RoutingContext> webhookWithAnswer(WebhookVerifier verifier, WebhookReader reader) {
      throw new UnsupportedOperationException("the web chat has no webhook");
    }

    @Override
    public boolean accepting() {
      return accepting.get();
    }
  }
}
