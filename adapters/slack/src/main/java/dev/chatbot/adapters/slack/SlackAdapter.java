package dev.chatbot.adapters.slack;

import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.CredentialCheck;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendRate;
import dev.chatbot.spi.WebhookResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Slack: on when {@code SLACK_SIGNING_SECRET} and {@code SLACK_BOT_TOKEN} are set. Mounts
 * {@code /webhooks/slack/events}, {@code /interactions} and {@code /commands} (all signed with the signing secret)
 * and answers through {@code chat.postMessage} at {@code SLACK_API_BASE_URL}.
 */
public final class SlackAdapter implements PlatformAdapter {

  static final String PLATFORM = "slack";
  static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
  static final String API_BASE_URL = "SLACK_API_BASE_URL";
  static final String DEFAULT_API_BASE_URL = "https://slack.com/api";
  static final String BASE_PATH = "/webhooks/slack";

  /**
   * Block Kit's limits: 3000 characters per section text, 75 per button text, 25 elements per actions block and 50
   * blocks per message. A card takes two blocks (section, actions) and the quick replies one more, so ten cards stay
   * far below 50; titles and subtitles are short enough that even fully escaped they fit one section. Slack bots have
   * no typing indicator.
   */
  static final Capabilities CAPABILITIES = new Capabilities(3000, 25, 75, 10, 5, 150, 300, 75, false);

  private String signingSecret;
  private String botToken;
  private String apiBaseUrl;
  private volatile SlackSender sender;

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public List<String> variables() {
    return List.of(SIGNING_SECRET, BOT_TOKEN);
  }

  @Override
  public boolean configure(Settings settings) {
    if (!settings.group("Slack adapter", SIGNING_SECRET, BOT_TOKEN)) {
      return false;
    }
    signingSecret = settings.get(SIGNING_SECRET).orElseThrow();
    botToken = settings.get(BOT_TOKEN).orElseThrow();
    apiBaseUrl = settings.baseUrl(API_BASE_URL, DEFAULT_API_BASE_URL);
    return true;
  }

  @Override
  public String webhookPath() {
    return BASE_PATH + "/events";
  }

  /** About one {@code chat.postMessage} per second per channel, with short bursts. */
  @Override
  public SendRate defaultSendRate() {
    return SendRate.perChannel(1, 3);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    SlackVerifier verifier = new SlackVerifier(signingSecret, Clock.systemUTC());
    Router router = context.router();
    // The core hands over the raw bytes of a form (never decoded before the signature check); SlackForm decodes
    // them once verified, whatever their size up to the body limit (a tap on a carousel carries the whole message).
    router.post(BASE_PATH + "/events").handler(endpoint(context, verifier, SlackEventParser::parse));
    router.post(BASE_PATH + "/interactions").handler(endpoint(context, verifier, SlackInteractionParser::parse));
    router.post(BASE_PATH + "/commands").handler(endpoint(context, verifier, SlackCommandParser::parse));
    sender = new SlackSender(context.createWebClient(), apiBaseUrl, botToken);
    return Future.succeededFuture();
  }

  /**
   * One Slack endpoint on the core's webhook path (drain, 401, 400, inbox, counted), with Slack's answers: the
   * {@code url_verification} challenge as JSON, and otherwise an empty 200, because Slack shows any text a slash
   * command's response carries to the user.
   */
  private static Handler<RoutingContext> endpoint(AdapterContext context, SlackVerifier verifier,
      Function<Buffer, SlackInbound> parser) {
    return context.webhookWithAnswer(verifier, (headers, body) -> {
      SlackInbound inbound = parser.apply(body);
      return inbound.challenge() != null
          ? WebhookResult.answer("application/json", new JsonObject().put("challenge", inbound.challenge()).encode())
          : WebhookResult.of(inbound.messages()).answering(null, "");
    });
  }

  /** Slack {@code auth.test} with the bot token (platform health). */
  @Override
  public Future<CredentialCheck> checkCredentials() {
    return sender.authTest();
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    if (reply instanceof Reply.Typing) {
      return Future.succeededFuture();
    }
    return sender.postMessage(SlackRenderer.render(to, reply));
  }
}
