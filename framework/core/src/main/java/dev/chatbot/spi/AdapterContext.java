package dev.chatbot.spi;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the core gives an adapter at start. Its settings came earlier, to {@link PlatformAdapter#configure}: its own
 * variables only, never the core's (the admin token) nor another adapter's.
 */
public interface AdapterContext {

  Vertx vertx();

  /** The server's one router; {@code /webhooks/*} bodies are already read (1 MiB limit). */
  Router router();

  /**
   * The public origin of this server ({@code PUBLIC_BASE_URL}, without a trailing slash), for absolute links the
   * platform fetches (card images under {@code /assets}).
   */
  String publicBaseUrl();

  /**
   * The directory where this process keeps what must survive a restart ({@code DATA_DIR} with the default durable
   * store), for an adapter's own small files (a signing key); empty when nothing of this process survives a restart
   * ({@code STATE_STORE=memory}, or a store shared by several processes).
   */
  Optional<Path> dataDir();

  /** Where verified, parsed messages go (dedupe, then per-conversation order, then the bot). */
  Inbound inbound();

  /**
   * Counts one request in {@code chatbot_webhook_requests_total} for this adapter's platform. The standard handlers
   * below count their own; this is for a channel of the adapter's own (the web chat's WebSocket frames).
   */
  void countWebhook(WebhookOutcome outcome);

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
