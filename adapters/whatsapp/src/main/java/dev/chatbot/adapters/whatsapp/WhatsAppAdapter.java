package dev.chatbot.adapters.whatsapp;

import dev.chatbot.adapters.meta.GraphClient;
import dev.chatbot.adapters.meta.MetaHandshake;
import dev.chatbot.adapters.meta.MetaSignatureVerifier;
import dev.chatbot.adapters.meta.PublicUrls;
import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.CredentialCheck;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendRate;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * WhatsApp Cloud API. On when {@code WHATSAPP_VERIFY_TOKEN}, {@code WHATSAPP_APP_SECRET},
 * {@code WHATSAPP_ACCESS_TOKEN} and {@code WHATSAPP_PHONE_NUMBER_ID} are set. {@code GET /webhooks/whatsapp} answers
 * Meta's verification, {@code POST /webhooks/whatsapp} takes signed events; every accepted message is marked as read.
 */
public final class WhatsAppAdapter implements PlatformAdapter {

  /** Cloud API limits: text 4096, list of 10 rows (title 24, description 72); no typing indicator. */
  static final Capabilities CAPABILITIES = new Capabilities(4096, 10, 24, 10, 3, 24, 72, 20, false);

  private GraphClient graph;
  private WhatsAppSettings settings;
  private WhatsAppSender sender;

  @Override
  public String platform() {
    return WhatsAppParser.PLATFORM;
  }

  @Override
  public List<String> variables() {
    return WhatsAppSettings.SWITCHES;
  }

  @Override
  public boolean configure(Settings values) {
    settings = WhatsAppSettings.read(values).orElse(null);
    return settings != null;
  }

  /** Cloud API: 80 messages/s per phone number by default (error 130429 above): keep under it. */
  @Override
  public SendRate defaultSendRate() {
    return SendRate.perPlatform(70);
  }

  @Override
  public List<String> openApi() {
    return List.of(MetaHandshake.OPENAPI, "openapi/whatsapp.yaml");
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** Meta's customer-service window: free-form messages only within 24 hours of the user's last one. */
  @Override
  public java.time.Duration replyWindow() {
    return java.time.Duration.ofHours(24);
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    graph = new GraphClient(context.createWebClient(), platform(), settings.accessToken());
    sender = new WhatsAppSender(graph, new WhatsAppRenderer(new PublicUrls(context.publicBaseUrl())),
        settings.apiBaseUrl(), settings.phoneNumberId());
    WebhookVerifier signature = new MetaSignatureVerifier(settings.appSecret());
    WhatsAppParser parser = new WhatsAppParser();
    context.router().get(webhookPath()).handler(new MetaHandshake(platform(), settings.verifyToken()));
    context.router().post(webhookPath()).handler(ctx -> markReadOnceAccepted(context, signature, parser, ctx));
    return Future.succeededFuture();
  }

  /**
   * The core's standard webhook handling, plus the read receipts: they go out only once the platform got its 200,
   * that is once the messages are safely queued.
   */
  private void markReadOnceAccepted(AdapterContext context, WebhookVerifier signature, WhatsAppParser parser,
      RoutingContext ctx) {
    List<Message> parsed = new ArrayList<>();
    Handler<RoutingContext> webhook = context.webhook(signature, (headers, body) -> {
      List<Message> messages = parser.parse(headers, body);
      parsed.addAll(messages);
      return messages;
    });
    ctx.addEndHandler(ended -> {
      if (ended.succeeded() && ctx.response().getStatusCode() == 200) {
        parsed.forEach(message -> sender.markRead(message.id()));
      }
    });
    webhook.handle(ctx);
  }

  /** Graph {@code /me} with the adapter's token (platform health). */
  @Override
  public Future<CredentialCheck> checkCredentials() {
    return graph.checkToken(settings.apiBaseUrl());
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    return sender.send(to, reply);
  }

  @Override
  public Future<Void> stop() {
    if (sender != null) {
      sender.close();
    }
    return Future.succeededFuture();
  }
}
