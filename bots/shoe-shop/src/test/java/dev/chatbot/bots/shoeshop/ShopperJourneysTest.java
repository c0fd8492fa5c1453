package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.commerce.Shop;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestAdapter;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.Text;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What real shoppers do, through the real server: a returning shopper ordering in three taps, cart and checkout
 * right after Buy, asking for a person and back, checking and cancelling an order (its stock put back), sizes from
 * other systems.
 */
class ShopperJourneysTest {

  private static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";
  private static final Pattern ORDER = Pattern.compile("Order (SS-\\d{6}) is confirmed");
  private static final AtomicInteger USERS = new AtomicInteger();
  private static final String TOKEN = "journeys-token";
  private static final Pattern HANDOVERS = Pattern.compile(
      "chatbot_bot_events_total\\{bot=\"shoe-shop\",event=\"handover\"} (\\d+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestServer server;
  private static Shop shop;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "shoe-shop", "ADMIN_API_TOKEN", TOKEN));
    shop = ShoeShopBot.shop(server.server().stateBackend().botDataStore().prefixed("bot:shoe-shop:"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Chat shopper() {
    return server.chat("journey-" + USERS.incrementAndGet());
  }

  @Test
  void aReturningShopperGoesFromTheSeedSentenceToAnOrderNumberInThreeTaps() {
    Chat chat = shopper();
    placeFirstOrder(chat);

    Chat again = chat.newConversation("journey-return-" + USERS.incrementAndGet());
    again.send(SEED);
    Card first = again.expectCards().cards().get(0);
    again.nextVisibleReply();
    int taps = 0;
    again.tap(first.buttons().get(0).payload());
    taps++;
    Reply.QuickReplies added = again.expectQuickReplies(Text.contains("Added 1 × " + first.title()));
    again.tap(payloadOf(added, "Checkout"));
    taps++;
    Reply.QuickReplies confirm = again.expectQuickReplies(Text.contains("pay with Visa ending 4242 — confirm?"));
    again.tap(payloadOf(confirm, "Confirm"));
    taps++;
    again.expectText(Text.matches(ORDER.pattern()));
    assertThat(taps).isEqualTo(3);
  }

  @Test
  void cartAndCheckoutRightAfterBuyUseTheShoeJustTapped() {
    Chat chat = shopper().send("white sneakers size 10");
    Card first = chat.expectCards().cards().get(0);
    Reply.QuickReplies results = chat.expectQuickReplies(Text.contains("white sneakers in size 10 (US men's)"));
    assertThat(results.options()).extracting(QuickReply::title).doesNotContain("Checkout");
    chat.tap(first.buttons().get(0).payload()).expectQuickReplies(Text.contains("Added 1 ×"));
    chat.send("cart").expectQuickReplies(Text.contains("• 1 × " + first.title() + ", size 10"));
    chat.send("checkout").expectText(Text.contains("Where should I ship"));

    // With something in the cart, results lead to checkout in one tap.
    chat.send("black sneakers size 10").expectCards();
    assertThat(chat.expectQuickReplies(Text.contains("black sneakers")).options()).extracting(QuickReply::title)
        .contains("Checkout");
  }

  @Test
  void askingForAPersonHandsTheConversationOverUntilTheShopperAsksForTheBot() throws Exception {
    long before = handovers();
    Chat chat = shopper();
    chat.send("can I talk to a real person please").expectText(Text.contains("A person will reply right here"));
    assertThat(handovers()).as("counted").isEqualTo(before + 1);

    chat.send("hello?");
    chat.send("sneakers size 10");
    chat.send("bot");
    // Replies come in order: the first reply after the handover is the one to "bot", so the two before got none.
    chat.expectQuickReplies(Text.contains("I'm back"));
    chat.send("sneakers size 10").expectCards();
  }

  @Test
  void anOperatorResumesAConversationThroughTheAdminApi() throws Exception {
    String id = "journey-resumed-" + USERS.incrementAndGet();
    Chat chat = server.chat(id);
    chat.send("customer service please").expectText(Text.contains("A person will reply right here"));
    chat.send("is anyone there?");
    String path = "/api/v1/conversations/" + TestAdapter.PLATFORM + "/" + id + "/resume";
    assertThat(resume(path, "wrong-token").statusCode()).isEqualTo(401);
    assertThat(resume(path, TOKEN).statusCode()).isEqualTo(204);
    // The resume is queued behind "is anyone there?", which got no reply: the next reply is the bot's return.
    chat.expectQuickReplies(Text.contains("I'm back"));
    chat.send("sneakers size 10").expectCards();
    chat.expectQuickReplies(Text.contains("sneakers in size 10"));
    assertThat(resume(path, TOKEN).statusCode()).as("nothing to resume").isEqualTo(204);
    chat.send("hi").expectQuickReplies(Text.contains("What are you looking for today?"));
    HttpResponse<String> unknown =
        resume("/api/v1/conversations/" + TestAdapter.PLATFORM + "/nobody-here/resume", TOKEN);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("unknown conversation");
  }

  @Test
  void anOrderCanBeLookedUpAndCancelledForRealWithItsStockPutBack() {
    Chat chat = shopper();
    String order = placeFirstOrder(chat);
    int left = stock("JM-HOLLIS-BRN", 21);

    chat.send("can I cancel it?").expectQuickReplies(Text.contains("order " + order + " can still be cancelled"));
    assertThat(stock("JM-HOLLIS-BRN", 21)).as("nothing cancelled yet").isEqualTo(left);
    chat.send("no").expectQuickReplies(Text.contains("stays as it is"));

    assertThat(chat.send("where's my order?").expectQuickReplies(Text.contains("Order " + order + ":")).text())
        .contains("confirmed and ships");
    chat.send("cancel my order").expectQuickReplies(Text.contains("Shall I cancel it?"));
    chat.send("yes").expectQuickReplies(Text.contains("order " + order + " is cancelled"));
    assertThat(stock("JM-HOLLIS-BRN", 21)).as("put back").isEqualTo(left + 1);
    chat.send("order status").expectText(Text.contains("It was cancelled"));
    chat.tap("CANCEL_ORDER:" + order).expectText(Text.contains("already cancelled"));
    assertThat(stock("JM-HOLLIS-BRN", 21)).as("put back once").isEqualTo(left + 1);
  }

  @Test
  void euUkAndWomensSizesAreConvertedOrAskedNeverTakenAsUsMens() {
    Chat chat = shopper().send("sneakers EU 43");
    chat.expectText(Text.contains("your EU 43 is a US men's 9.5"));
    chat.expectCards();
    chat.expectQuickReplies(Text.contains("size 9.5 (US men's, your EU 43)"));

    Chat her = shopper().send("sneakers for my girlfriend, she wears an 8");
    Reply.QuickReplies which = her.expectQuickReplies(Text.contains("Is that a women's 8?"));
    her.tap(payloadOf(which, "Women's 8"));
    her.expectText(Text.contains("your women's 8 is a US men's 6.5"));
  }

  /** Buys the Hollis Wingtip in 10.5 as a new shopper (address and payment asked once); returns the order number. */
  private static String placeFirstOrder(Chat chat) {
    chat.send(SEED).expectCards();
    chat.nextVisibleReply();
    chat.tap("BUY:JM-HOLLIS-BRN").expectQuickReplies(Text.contains("Added 1 ×"));
    chat.tap("CHECKOUT").expectText(Text.contains("Where should I ship"));
    chat.send("12 Main Street, Springfield, IL 62704").expectQuickReplies(Text.contains("How would you like to pay"));
    chat.send("visa 4242").expectQuickReplies(Text.contains("confirm?"));
    Matcher order = ORDER.matcher(chat.tap("CONFIRM").expectText(Text.matches(ORDER.pattern())));
    assertThat(order.find()).isTrue();
    return order.group(1);
  }

  private static String payloadOf(Reply.QuickReplies chips, String title) {
    return chips.options().stream().filter(chip -> chip.title().equals(title)).findFirst().orElseThrow().payload();
  }

  private static HttpResponse<String> resume(String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The handover counter of {@code /metrics}. */
  private static long handovers() throws Exception {
    String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher count = HANDOVERS.matcher(metrics);
    return count.find() ? Long.parseLong(count.group(1)) : 0;
  }

  private static int stock(String sku, int halves) {
    return ShopDataTest.join(shop.inventory().stock()).left(sku, SizeChart.format(halves));
  }
}
