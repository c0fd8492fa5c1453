package dev.chatbot.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.telegram.TelegramApiStub.Call;
import dev.chatbot.testkit.telegram.TelegramTestServer;
import dev.chatbot.testkit.telegram.TelegramUpdates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shoe conversation end to end through the Telegram adapter: updates in with the webhook secret, Bot API calls
 * out to a WireMock Bot API, from the seed sentence to an order number.
 */
class TelegramShoeShopTest {

  static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";
  static final long CHAT = 20000002L;

  @RegisterExtension
  static final TelegramTestServer setup = new TelegramTestServer("BOT", "shoe-shop");

  @Test
  void seedSentenceToCardsThenBuyAndCheckoutToAnOrderNumber() {
    setup.updates().text(CHAT, SEED).deliver();

    List<Call> cards = new ArrayList<>();
    Call call = setup.api().awaitCall();
    while (call.method().equals("sendPhoto")) {
      cards.add(call);
      call = setup.api().awaitCall();
    }
    assertThat(cards).as("one photo per shoe").hasSizeBetween(3, 10);
    String pictures = "http://localhost:" + setup.server().port() + "/assets/shoes/";
    for (Call card : cards) {
      JsonObject body = card.body();
      assertThat(body.getLong("chat_id")).isEqualTo(CHAT);
      assertThat(body.getString("photo")).startsWith(pictures).endsWith(".png");
      assertThat(body.getString("caption")).contains("Johnston & Murphy").contains("brown leather")
          .contains("size 10.5").hasSizeLessThanOrEqualTo(1024);
      assertThat(labels(body)).startsWith("Buy", "Details");
      keys(body).forEach(key -> assertThat(key.getString("callback_data").getBytes()).hasSizeLessThanOrEqualTo(64));
    }
    assertThat(call.method()).isEqualTo("sendMessage");
    assertThat(call.body().getString("text")).contains("brown leather dress shoes from Johnston & Murphy in size 10.5");
    assertThat(labels(call.body())).contains("Cheaper", "Start over");

    JsonObject buy = keys(cards.get(0).body()).get(0);
    assertThat(buy.getString("callback_data")).startsWith("BUY:");
    JsonObject howMany = tap(buy);
    assertThat(howMany.getString("text")).startsWith("How many pairs of the Johnston & Murphy").contains("size 10.5");

    JsonObject added = tap(key(howMany, "1"));
    assertThat(added.getString("text")).startsWith("Added 1 × Johnston & Murphy").endsWith("Ready to check out?");

    JsonObject where = tap(key(added, "Checkout"));
    assertThat(where.getString("text")).startsWith("Where should I ship your order?");

    JsonObject pay = say("12 Main Street, Springfield, IL 62704");
    assertThat(pay.getString("text")).contains("How would you like to pay");
    JsonObject confirm = say("Visa 4242");
    assertThat(confirm.getString("text"))
        .contains("Ship to 12 Main Street, Springfield, IL 62704, pay with Visa ending 4242 — confirm?");

    JsonObject order = tap(key(confirm, "Confirm"));
    assertThat(order.getString("text")).containsPattern("Order SS-[A-Z0-9]{6} is confirmed")
        .contains("1 × Johnston & Murphy").contains("size 10.5");
    assertThat(setup.api().pending()).as("nothing else was sent").isEmpty();
  }

  /** Types {@code text}; the bot's one answer. */
  private static JsonObject say(String text) {
    setup.updates().text(CHAT, text).deliver();
    return onlyMessage();
  }

  /** Taps {@code key} (a button of the bot's last message): the query is answered, then the bot's one answer. */
  private static JsonObject tap(JsonObject key) {
    TelegramUpdates.Update tap = setup.updates().callbackQuery(CHAT, key.getString("text"), key.getString("callback_data"));
    tap.deliver();
    assertThat(setup.api().awaitCallbackAnswer().body().getString("callback_query_id"))
        .isEqualTo(new JsonObject(tap.body()).getJsonObject("callback_query").getString("id"));
    return onlyMessage();
  }

  private static JsonObject onlyMessage() {
    Call call = setup.api().awaitCall();
    assertThat(call.method()).isEqualTo("sendMessage");
    assertThat(call.body().getLong("chat_id")).isEqualTo(CHAT);
    return call.body();
  }

  private static List<JsonObject> keys(JsonObject body) {
    JsonArray rows = body.getJsonObject("reply_markup", new JsonObject()).getJsonArray("inline_keyboard", new JsonArray());
    return rows.stream().flatMap(row -> ((JsonArray) row).stream()).map(JsonObject.class::cast).toList();
  }

  private static List<String> labels(JsonObject body) {
    return keys(body).stream().map(key -> key.getString("text")).collect(Collectors.toList());
  }

  private static JsonObject key(JsonObject body, String label) {
    return keys(body).stream().filter(key -> key.getString("text").equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + body));
  }
}
