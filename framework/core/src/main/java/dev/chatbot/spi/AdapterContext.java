package dev.chatbot.spi;

import dev.chatbot.config.ChatbotConfig;
import dev.chatbot.metrics.ChatbotMetrics;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;

/** What the core gives an adapter at start. */
public interface AdapterContext {

  Vertx vertx();

  /** The server's one router; {@code /webhooks/*} bodies are already read (1 MiB limit). */
  Router router();

  ChatbotConfig config();

  /** Where verified, parsed messages go (dedupe, then per-conversation order, then the bot). */
  Inbound inbound();

  ChatbotMetrics metrics();

  /** A new HTTP client with the core's timeouts; create one per adapter. */
  WebClient createWebClient();

  /**
   * The standard webhook handler: 503 while shutting down, 401 when {@code verifier} rejects the raw body,
   * 400 when {@code parser} cannot read it, otherwise the messages are accepted and the platform gets 200.
   * Every outcome is counted in {@code chatbot_webhook_requests_total}.
   */
  Handler<RoutingContext> webhook(WebhookVerifier verifier, WebhookParser parser);

  /**
   * The same standard handler (drain, 401, 400, accept, counted), with the answer and what follows the {@code 200}
   * decided by {@code reader}: every webhook of every platform takes this one path.
   */
  Handler<RoutingContext> webhookWithAnswer(WebhookVerifier verifier, WebhookReader reader);

  /** False once shutdown has begun: webhooks are refused with 503 from then on. */
  boolean accepting();
}
