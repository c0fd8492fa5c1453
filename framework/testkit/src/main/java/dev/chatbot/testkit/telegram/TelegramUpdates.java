package dev.chatbot.testkit.telegram;

import dev.chatbot.testkit.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Updates as Telegram posts them to {@code /webhooks/telegram}, with the {@code X-Telegram-Bot-Api-Secret-Token}
 * the server was given. Each builder returns an {@link Update} that can be sent as is ({@link Update#post()}), with
 * a wrong or no secret, or again (a redelivery: same {@code update_id}).
 *
 * <pre>{@code
 * TelegramUpdates telegram = new TelegramUpdates(server);
 * telegram.text(4242, "hi").post();                        // 200
 * telegram.callbackQuery(4242, "Buy", "BUY:1").post();     // a tap on an inline button
 * }</pre>
 */
public final class TelegramUpdates {

  public static final String PATH = "/webhooks/telegram";
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong UPDATE_IDS = new AtomicLong(700_000_000);
  private static final AtomicLong MESSAGE_IDS = new AtomicLong(1_000);

  private final String serverBaseUrl;
  private final String secret;

  public TelegramUpdates(String serverBaseUrl, String secret) {
    this.serverBaseUrl = serverBaseUrl;
    this.secret = secret;
  }

  /** For a {@link TestServer} started with {@link TelegramApiStub#env}. */
  public TelegramUpdates(TestServer server) {
    this(server.url(""), TelegramApiStub.WEBHOOK_SECRET);
  }

  /** A private chat's id is its user's id. */
  public static JsonObject user(long id) {
    return new JsonObject().put("id", id).put("is_bot", false).put("first_name", "Shopper").put("language_code", "en");
  }

  public static JsonObject privateChat(long id) {
    return new JsonObject().put("id", id).put("first_name", "Shopper").put("type", "private");
  }

  /** A {@code message} from user {@code chatId} in their private chat with the bot. */
  public static JsonObject message(long chatId, String text) {
    return new JsonObject().put("message_id", MESSAGE_IDS.incrementAndGet()).put("from", user(chatId))
        .put("chat", privateChat(chatId)).put("date", Instant.now().getEpochSecond()).put("text", text);
  }

  /** The message the bot sent with an inline keyboard of one button ({@code text}, {@code data}). */
  public static JsonObject botMessageWithButton(long chatId, String text, String data) {
    return new JsonObject().put("message_id", MESSAGE_IDS.incrementAndGet())
        .put("from", new JsonObject().put("id", 987654321L).put("is_bot", true).put("first_name", "Shop")
            .put("username", "shop_bot"))
        .put("chat", privateChat(chatId)).put("date", Instant.now().getEpochSecond()).put("text", "Pick one")
        .put("reply_markup", new JsonObject().put("inline_keyboard", new JsonArray().add(new JsonArray()
            .add(new JsonObject().put("text", text).put("callback_data", data)))));
  }

  /** A user's text message. */
  public Update text(long chatId, String text) {
    return update(new JsonObject().put("message", message(chatId, text)));
  }

  /** A tap on the inline button labelled {@code text} carrying {@code data}, under a message the bot sent. */
  public Update callbackQuery(long chatId, String text, String data) {
    return update(new JsonObject().put("callback_query", new JsonObject()
        .put("id", String.valueOf(UPDATE_IDS.incrementAndGet() * 31))
        .put("from", user(chatId))
        .put("message", botMessageWithButton(chatId, text, data))
        .put("chat_instance", "-" + chatId)
        .put("data", data)));
  }

  /** Any update content (a recorded fixture, say): {@code update_id} is added when missing. */
  public Update update(JsonObject update) {
    if (!update.containsKey("update_id")) {
      update = update.copy().put("update_id", UPDATE_IDS.incrementAndGet());
    }
    return new Update(serverBaseUrl, update.encode(), secret);
  }

  /** One update, ready to post; {@link #wrongSecret()} and {@link #noSecret()} return changed copies. */
  public record Update(String serverBaseUrl, String body, String secret) {

    public Update wrongSecret() {
      return new Update(serverBaseUrl, body, secret + "-wrong");
    }

    public Update noSecret() {
      return new Update(serverBaseUrl, body, null);
    }

    public long updateId() {
      return new JsonObject(body).getLong("update_id");
    }

    /** Posts to the server's {@link #PATH}. */
    public HttpResponse<String> post() {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverBaseUrl + PATH))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (secret != null) {
        request.header(SECRET_HEADER, secret);
      }
      try {
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
      } catch (CompletionException e) {
        throw new AssertionError("could not reach the server at " + serverBaseUrl + ": " + e.getCause(), e);
      }
    }

    /** Posts and checks the server took it (200). */
    public void deliver() {
      HttpResponse<String> response = post();
      if (response.statusCode() != 200) {
        throw new AssertionError("the server answered " + response.statusCode() + ": " + response.body());
      }
    }
  }
}
