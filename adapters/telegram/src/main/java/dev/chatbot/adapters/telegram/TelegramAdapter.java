package dev.chatbot.adapters.telegram;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.CredentialCheck;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendRate;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Telegram: on when {@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_WEBHOOK_SECRET} are set. Takes updates at
 * {@code POST /webhooks/telegram} (register it with {@code setWebhook} and the same {@code secret_token}) through the
 * core's standard webhook handler, and answers through the Bot API at {@code TELEGRAM_API_BASE_URL}.
 */
public final class TelegramAdapter implements PlatformAdapter {

  static final String PLATFORM = "telegram";
  static final String BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
  static final String WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";
  static final String API_BASE_URL = "TELEGRAM_API_BASE_URL";
  static final String DEFAULT_API_BASE_URL = "https://api.telegram.org";
  /** What {@code setWebhook} accepts as {@code secret_token}. */
  static final Pattern SECRET_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  /**
   * Bot API limits: 4096 characters of message text, 1024 of photo caption (a card's title and subtitle together,
   * 100 + 1 + 900), 64 bytes of {@code callback_data}. Button labels have no hard limit but are cut on screen past
   * about 40 characters. Up to 10 cards, like the other platforms; each is its own message.
   */
  static final Capabilities CAPABILITIES = new Capabilities(4096, 12, 40, 10, 3, 100, 900, 40, true, 64);

  private String botToken;
  private String webhookSecret;
  private String apiBaseUrl;
  private volatile TelegramSender sender;

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public List<String> variables() {
    return List.of(BOT_TOKEN, WEBHOOK_SECRET);
  }

  @Override
  public boolean configure(Settings settings) {
    if (!settings.group("Telegram adapter", BOT_TOKEN, WEBHOOK_SECRET)) {
      return false;
    }
    botToken = settings.get(BOT_TOKEN).orElseThrow();
    webhookSecret = settings.get(WEBHOOK_SECRET).orElseThrow();
    if (!SECRET_FORMAT.matcher(webhookSecret).matches()) {
      throw new ConfigException(WEBHOOK_SECRET
          + " must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (what Telegram's setWebhook accepts)");
    }
    apiBaseUrl = settings.baseUrl(API_BASE_URL, DEFAULT_API_BASE_URL);
    return true;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** Telegram asks bots to stay near one message per second per chat (short bursts are fine). */
  @Override
  public SendRate defaultSendRate() {
    return SendRate.perChannel(1, 5);
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    sender = new TelegramSender(context.createWebClient(), apiBaseUrl, botToken);
    context.router().post(webhookPath())
        .handler(context.webhook(new TelegramVerifier(webhookSecret), this::parse));
    return Future.succeededFuture();
  }

  /** Runs after the secret was checked; a tapped button is answered at once, before the bot takes its turn. */
  private List<Message> parse(MultiMap headers, Buffer body) {
    TelegramUpdate update = TelegramParser.parse(body);
    if (update.callbackQueryId() != null) {
      sender.answerCallbackQuery(update.callbackQueryId());
    }
    return update.messages();
  }

  /** Telegram {@code getMe} with the bot token (platform health). */
  @Override
  public Future<CredentialCheck> checkCredentials() {
    return sender.getMe();
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    return sender.call(TelegramRenderer.render(to, reply));
  }
}
