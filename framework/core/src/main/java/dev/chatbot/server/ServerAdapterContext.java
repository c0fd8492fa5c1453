package dev.chatbot.server;

import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.WebhookOutcome;
import dev.chatbot.spi.WebhookParser;
import dev.chatbot.spi.WebhookReader;
import dev.chatbot.spi.WebhookResult;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.Optional;

/** The {@link AdapterContext} the server hands each adapter: what it needs of the core, no more (no core config). */
record ServerAdapterContext(
    String platform,
    Vertx vertx,
    Router router,
    String publicBaseUrl,
    Optional<Path> dataDir,
    Inbound inbound,
    ChatbotMetrics metrics,
    Lifecycle lifecycle) implements AdapterContext {

  static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  static final int IDLE_TIMEOUT_SECONDS = 60;

  @Override
  public void countWebhook(WebhookOutcome outcome) {
    metrics.webhook(platform, outcome);
  }

  @Override
  public WebClient createWebClient() {
    return WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
        .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
        .setKeepAlive(true)
        .setUserAgent("chatbot-framework"),
        new PoolOptions().setHttp1MaxSize(64).setHttp2MaxSize(8));
  }

  @Override
  public Handler<RoutingContext> webhook(WebhookVerifier verifier, WebhookParser parser) {
    return webhookWithAnswer(verifier, (headers, body) -> WebhookResult.of(parser.parse(headers, body)));
  }

  @Override
  public Handler<RoutingContext> webhookWithAnswer(WebhookVerifier verifier, WebhookReader reader) {
    return new WebhookHandler(platform, verifier, reader, inbound, metrics, lifecycle);
  }

  @Override
  public boolean accepting() {
    return lifecycle.accepting();
  }
}
