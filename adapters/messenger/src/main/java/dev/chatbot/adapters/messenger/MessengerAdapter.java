package dev.chatbot.adapters.messenger;

import dev.chatbot.adapters.meta.GraphClient;
import dev.chatbot.adapters.meta.MetaHandshake;
import dev.chatbot.adapters.meta.MetaSignatureVerifier;
import dev.chatbot.adapters.meta.PublicUrls;
import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.CredentialCheck;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendRate;
import io.vertx.core.Future;
import java.util.List;

/**
 * Facebook Messenger. On when {@code MESSENGER_VERIFY_TOKEN}, {@code MESSENGER_APP_SECRET} and
 * {@code MESSENGER_PAGE_ACCESS_TOKEN} are set. {@code GET /webhooks/messenger} answers Meta's verification,
 * {@code POST /webhooks/messenger} takes signed events; replies go to the Send API.
 */
public final class MessengerAdapter implements PlatformAdapter {

  /** Send API limits (SPEC §5): text 2000, 13 quick replies of 20, generic template of 10 elements, 3 buttons. */
  static final Capabilities CAPABILITIES = new Capabilities(2000, 13, 20, 10, 3, 80, 80, 20, true);

  private GraphClient graph;
  private MessengerSettings settings;
  private MessengerSender sender;

  @Override
  public String platform() {
    return MessengerParser.PLATFORM;
  }

  @Override
  public List<String> variables() {
    return MessengerSettings.SWITCHES;
  }

  @Override
  public boolean configure(Settings values) {
    settings = MessengerSettings.read(values).orElse(null);
    return settings != null;
  }

  /** The Send API allows about 300 calls/s per Page, all chats together: keep under it. */
  @Override
  public SendRate defaultSendRate() {
    return SendRate.perPlatform(250);
  }

  @Override
  public List<String> openApi() {
    return List.of(MetaHandshake.OPENAPI, "openapi/messenger.yaml");
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
    graph = new GraphClient(context.createWebClient(), platform(), settings.pageAccessToken());
    sender = new MessengerSender(graph, new MessengerRenderer(new PublicUrls(context.publicBaseUrl())),
        settings.apiBaseUrl());
    context.router().get(webhookPath()).handler(new MetaHandshake(platform(), settings.verifyToken()));
    context.router().post(webhookPath())
        .handler(context.webhook(new MetaSignatureVerifier(settings.appSecret()), new MessengerParser()));
    return Future.succeededFuture();
  }

  /** Graph {@code /me} with the adapter's token (platform health). */
  @Override
  public Future<CredentialCheck> checkCredentials() {
    return graph.checkToken(settings.apiBaseUrl());
  }

  @Override
  public int calls(Reply reply) {
    return sender.calls(reply);
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply, int call) {
    return sender.send(to, reply, call);
  }

  /** A reply of one call; the core uses {@link #send(ConversationRef, Reply, int)} for each call of longer ones. */
  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    return sender.send(to, reply, 0);
  }

  @Override
  public Future<Void> stop() {
    if (sender != null) {
      sender.close();
    }
    return Future.succeededFuture();
  }
}
