package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Button;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.Card;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestAdapter;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.Text;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shoe shop, talked to like a shopper would, through the real server and the test adapter. */
class ShoeShopConversationTest {

  private static final String BASE = "https://shoes.example.test";
  private static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";
  private static final AtomicInteger USERS = new AtomicInteger();
  private static final Catalog CATALOG = Catalog.shared();
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "shoe-shop", "PUBLIC_BASE_URL", BASE));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A fresh shopper for each conversation, so tests never share state. */
  private static Chat shopper() {
    return server.chat("shopper-" + USERS.incrementAndGet());
  }

  @Test
  void theSeedSentenceShowsBrownLeatherJohnstonAndMurphyDressShoesInStockIn10AndAHalf() {
    Chat chat = shopper().send(SEED);

    Reply.Cards cards = chat.expectCards();
    assertThat(cards.cards()).hasSizeGreaterThanOrEqualTo(3);
    assertEvery(cards, shoe -> shoe.brand().equals("Johnston & Murphy") && shoe.colour().equals("brown")
        && shoe.material().equals("leather") && shoe.isStyle("dress"), 21);
    for (Card card : cards.cards()) {
      Shoe shoe = shoeOf(card);
      assertThat(card.imageUrl()).isEqualTo(BASE + "/assets/shoes/" + shoe.sku() + ".png");
      assertThat(card.title()).contains(shoe.name());
      assertThat(card.subtitle()).contains(Money.format(shoe.priceCents())).contains("brown leather");
      assertThat(card.buttons()).extracting(Button::title).containsExactly("Buy", "Details");
      assertThat(card.buttons()).extracting(Button::payload)
          .containsExactly("BUY:" + shoe.sku(), "DETAILS:" + shoe.sku());
    }
    chat.expectQuickReplies(Text.contains("brown leather dress shoes from Johnston & Murphy in size 10.5"));
  }

  @Test
  void aSoldOutSizeIsNeverOffered() {
    assertThat(stock("JM-MELTON-BRN", 21)).as("the catalog's sold-out example").isZero();
    Chat chat = shopper().send(SEED);
    assertThat(chat.expectCards().cards()).extracting(card -> shoeOf(card).sku()).doesNotContain("JM-MELTON-BRN");
    chat.expectQuickReplies(Text.contains("size 10.5"));

    chat.tap("DETAILS:JM-MELTON-BRN")
        .expectQuickReplies(Text.contains("size 10.5 is sold out"));
  }

  @Test
  void everyModelSoldOutInTheSizeIsSaidSoAndOthersAreOffered() {
    Chat chat = shopper().send("Teva sandals size 13");
    chat.expectText(Text.contains("sold out in size 13"));
    assertEvery(chat.expectCards(), shoe -> true, 26);
  }

  @ParameterizedTest(name = "size \"{0}\"")
  @ValueSource(strings = {"10 1/2", "10.5", "10½", "ten and a half", "10-1/2"})
  void everySizeNotationFindsTheSameShoes(String size) {
    Chat chat = shopper().send("brown leather J&M dress shoes, size " + size);
    assertEvery(chat.expectCards(), shoe -> shoe.brand().equals("Johnston & Murphy"), 21);
  }

  @Test
  void aSizeAloneAsAnAnswerWorksToo() {
    Chat chat = shopper().send("black sneakers");
    chat.expectQuickReplies(Text.contains("What size"));
    chat.send("size 9");
    assertEvery(chat.expectCards(), shoe -> shoe.colour().equals("black") && shoe.isStyle("sneaker"), 18);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "cole hann loafers size 9 | Cole Haan",
      "new ballance running shoes size 10 | New Balance",
      "johnston murphy oxfords 10.5 | Johnston & Murphy",
      "J&M shoes size 11 | Johnston & Murphy",
      "jm loafers size 10 | Johnston & Murphy",
      "florshiem wingtips size 9 | Florsheim",
      "addidas sneakers size 8 | Adidas",
      "doc martens boots size 10 | Dr. Martens"})
  void misspelledAndNicknamedBrandsAreUnderstood(String message, String brand) {
    Chat chat = shopper().send(message);
    Reply.Cards cards = chat.expectCards();
    assertThat(cards.cards()).isNotEmpty();
    assertThat(cards.cards()).allSatisfy(card -> assertThat(shoeOf(card).brand()).isEqualTo(brand));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sneakers under $100 size 10 | 100",
      "running shoes less than 150 dollars size 9 | 150",
      "boots below 160, size 11 | 160"})
  void priceLimitsAreKept(String message, int dollars) {
    Chat chat = shopper().send(message);
    Reply.Cards cards = chat.expectCards();
    assertThat(cards.cards()).isNotEmpty();
    assertThat(cards.cards()).allSatisfy(card ->
        assertThat(shoeOf(card).priceCents()).isLessThanOrEqualTo(dollars * 100L));
    chat.expectQuickReplies(Text.contains("under $" + dollars));
  }

  @Test
  void laterMessagesRefineTheSearch() {
    Chat chat = shopper().send("Cole Haan shoes, size 10");
    chat.expectCards();
    chat.expectQuickReplies(Text.contains("Cole Haan"));

    chat.send("in black");
    assertEvery(chat.expectCards(), shoe -> shoe.brand().equals("Cole Haan") && shoe.colour().equals("black"), 20);
    chat.expectQuickReplies(Text.contains("black shoes from Cole Haan"));

    chat.send("what about suede?");
    chat.expectText(Text.contains("Sorry, I have no black suede shoes from Cole Haan in size 10"));
    assertEvery(chat.expectCards(), shoe -> shoe.brand().equals("Cole Haan") || shoe.material().equals("suede"), 20);
    chat.expectQuickReplies(Text.contains("widen"));

    chat.send("any colour");
    assertEvery(chat.expectCards(), shoe -> shoe.brand().equals("Cole Haan") && shoe.material().equals("suede"), 20);
    chat.expectQuickReplies(Text.contains("suede shoes from Cole Haan"));
  }

  @Test
  void cheaperShowsLowerPricesThanBefore() {
    Chat chat = shopper().send("dress shoes size 10");
    List<Shoe> before = chat.expectCards().cards().stream().map(ShoeShopConversationTest::shoeOf).toList();
    chat.nextVisibleReply();
    double average = before.stream().mapToLong(Shoe::priceCents).average().orElseThrow();

    chat.send("cheaper");
    Reply.Cards cheaper = chat.expectCards();
    assertEvery(cheaper, shoe -> shoe.isStyle("dress") && shoe.priceCents() < average, 20);
    List<Long> prices = cheaper.cards().stream().map(card -> shoeOf(card).priceCents()).toList();
    assertThat(prices).as("cheapest first").isSorted();
  }

  @Test
  void showMorePagesThroughTheResults() {
    Chat chat = shopper().send("sneakers size 10");
    Reply.Cards first = chat.expectCards();
    assertThat(first.cards()).hasSize(Results.PAGE_SIZE);
    Reply.QuickReplies chips = chat.expectQuickReplies(Text.contains("top 10"));
    assertThat(chips.options()).extracting(QuickReply::payload).contains(Reply.MORE_PAYLOAD);

    chat.tap(Reply.MORE_PAYLOAD);
    Reply.Cards second = chat.expectCards();
    chat.expectQuickReplies(Text.contains("11–"));
    assertThat(second.cards().stream().map(card -> shoeOf(card).sku()))
        .doesNotContainAnyElementsOf(first.cards().stream().map(card -> shoeOf(card).sku()).toList());
    assertEvery(second, shoe -> shoe.isStyle("sneaker"), 20);

    chat.send("show more");
    chat.expectCards();
  }

  @Test
  void theMoreChipTheFitterAddsOnASmallPlatformPagesOn() {
    Capabilities small = new Capabilities(2000, 11, 20, 4, 3, 80, 80, 20, true);
    server.testAdapter().capabilities(small);
    try {
      Chat chat = shopper().send("boots size 11");
      Reply.Cards first = chat.expectCards();
      assertThat(first.cards()).hasSize(4);
      assertThat(first.quickReplies()).extracting(QuickReply::payload).containsExactly(Reply.MORE_PAYLOAD);
      chat.expectQuickReplies(Text.contains("boots in size 11"));

      chat.tap(Reply.MORE_PAYLOAD);
      Reply.Cards next = chat.expectCards();
      assertEvery(next, shoe -> shoe.isStyle("boot"), 22);
    } finally {
      server.testAdapter().capabilities(Capabilities.UNLIMITED);
    }
  }

  @Test
  void aMissingSizeIsAskedForAndTheAnswerRemembered() {
    Chat chat = shopper().send("I'm looking for chelsea boots");
    Reply.QuickReplies question = chat.expectQuickReplies(Text.contains("What size"));
    assertThat(question.options()).extracting(QuickReply::title).contains("9", "10.5", "11");

    chat.tap("size 9.5");
    assertEvery(chat.expectCards(), shoe -> shoe.style().equals("chelsea boot"), 19);
    chat.expectQuickReplies(Text.contains("chelsea boots in size 9.5"));

    chat.send("in brown");
    assertEvery(chat.expectCards(), shoe -> shoe.style().equals("chelsea boot") && shoe.colour().equals("brown"), 19);
  }

  @Test
  void justWantingShoesAsksWhichKindThenWhichSize() {
    Chat chat = shopper().send("I need shoes");
    chat.expectQuickReplies(Text.contains("What kind of shoes"));
    chat.tap("loafers").expectQuickReplies(Text.contains("What size"));
    chat.send("nine and a half");
    assertEvery(chat.expectCards(), shoe -> shoe.style().equals("loafer"), 19);
  }

  @Test
  void aWholeNewRequestStartsAFreshSearch() {
    Chat chat = shopper().send("Nike sneakers size 10");
    chat.expectCards();
    chat.nextVisibleReply();
    chat.send("brown chelsea boots size 9");
    assertEvery(chat.expectCards(), shoe -> shoe.style().equals("chelsea boot") && shoe.colour().equals("brown"), 18);
  }

  @Test
  void aSizeWithoutAKindOfShoeAsksWhichKind() {
    Chat chat = shopper().send("size 11");
    Reply.QuickReplies kinds = chat.expectQuickReplies(Text.contains("What kind of shoes"));
    assertThat(kinds.options()).extracting(QuickReply::title).contains("Dress shoes", "Sneakers", "Boots");
    chat.tap("sandals");
    assertEvery(chat.expectCards(), shoe -> shoe.isStyle("sandal"), 22);
  }

  @Test
  void noMatchSaysWhyAndOffersTheNearestAlternatives() {
    Chat chat = shopper().send("brown suede Clarks dress shoes in 10.5");
    chat.expectText(Text.contains("Sorry, I have no brown suede dress shoes from Clarks in size 10.5"));
    Reply.Cards alternatives = chat.expectCards();
    assertEvery(alternatives, shoe -> true, 21);
    Shoe best = shoeOf(alternatives.cards().get(0));
    assertThat(best.brand()).as("the closest keeps the brand").isEqualTo("Clarks");
    Reply.QuickReplies widen = chat.expectQuickReplies(Text.contains("widen the search"));
    assertThat(widen.options()).extracting(QuickReply::title).contains("Start over");
  }

  @Test
  void buyCartAndCheckoutAskAddressAndPaymentOnceAndRememberThem() {
    Chat chat = shopper();
    chat.send(SEED).expectCards();
    chat.nextVisibleReply();
    int before = stock("JM-HOLLIS-BRN", 21);

    chat.tap("BUY:JM-HOLLIS-BRN");
    Reply.QuickReplies added = chat.expectQuickReplies(Text.contains("Added 1 × Johnston & Murphy Hollis Wingtip "
        + "(size 10.5) to your cart."));
    assertThat(added.options()).extracting(QuickReply::title).containsExactly("Checkout", "Make it 2", "Keep shopping");

    chat.send("cart").expectQuickReplies(Text.contains("Hollis Wingtip, size 10.5"));
    chat.tap("CHECKOUT").expectText(Text.contains("Where should I ship"));
    chat.send("12 Main Street, Springfield, IL 62704");
    chat.expectQuickReplies(Text.contains("How would you like to pay"));
    chat.send("4242 4242 4242 4242").expectText(Text.contains("don't type a full card number"));
    chat.send("Visa 4242");
    Reply.QuickReplies confirm = chat.expectQuickReplies(Text.contains(
        "Ship to 12 Main Street, Springfield, IL 62704, pay with Visa ending 4242 — confirm?"));
    assertThat(confirm.options()).extracting(QuickReply::title)
        .contains("Confirm", "Change address", "Change payment");
    chat.tap("CONFIRM");
    String order = chat.expectText(Text.matches("Order SS-[A-Z0-9]{6} is confirmed"));
    assertThat(order).contains("1 × Johnston & Murphy Hollis Wingtip, size 10.5").contains("Total $164.99");
    assertThat(stock("JM-HOLLIS-BRN", 21)).isEqualTo(before - 1);

    // Same shopper, a new conversation: no questions, straight to confirmation.
    Chat again = chat.newConversation("second-visit-" + USERS.incrementAndGet());
    again.send("white sneakers size 10");
    Shoe sneaker = shoeOf(again.expectCards().cards().get(0));
    again.nextVisibleReply();
    again.tap("BUY:" + sneaker.sku()).expectQuickReplies(Text.contains("Added 1 ×"));
    again.send("2");
    again.expectQuickReplies(Text.contains("Done: 2 pairs of the " + sneaker.fullName()));
    again.send("checkout");
    again.expectQuickReplies(Text.contains("Ship to 12 Main Street, Springfield, IL 62704, pay with Visa ending 4242"
        + " — confirm?"));
    again.send("yes");
    again.expectText(Text.matches("Order SS-[A-Z0-9]{6} is confirmed"));
  }

  @Test
  void changingTheSavedAddressAtConfirmation() {
    Chat chat = shopper();
    chat.send("Birkenstock sandals size 10").expectCards();
    chat.nextVisibleReply();
    chat.tap("BUY:BK-ARIZONA-BRN").expectQuickReplies(Text.contains("Added"));
    chat.send("check out").expectText(Text.contains("Where should I ship"));
    chat.send("1 Elm Road, Portland, OR 97201").expectQuickReplies(Text.contains("How would you like to pay"));
    chat.tap("PayPal").expectQuickReplies(Text.contains("pay with PayPal — confirm?"));
    chat.tap("CHANGE_ADDRESS").expectText(Text.contains("new shipping address"));
    chat.send("99 Oak Avenue, Austin, TX 73301")
        .expectQuickReplies(Text.contains("Ship to 99 Oak Avenue, Austin, TX 73301, pay with PayPal"));
    chat.send("cancel").expectQuickReplies(Text.contains("nothing was ordered"));
  }

  @Test
  void aPairThatSellsOutBeforeConfirmationIsExplained() {
    assertThat(stock("JM-TABOR-BRN", 22)).as("the catalog's last-pair example").isEqualTo(1);
    Chat slow = shopper();
    Chat fast = shopper();
    for (Chat chat : List.of(slow, fast)) {
      chat.send("Johnston & Murphy brown leather dress shoes size 11").expectCards();
      chat.nextVisibleReply();
      chat.tap("BUY:JM-TABOR-BRN").expectQuickReplies(Text.contains("Added"));
      chat.tap("CHECKOUT").expectText(Text.contains("Where should I ship"));
      chat.send("5 Pine Street, Nashville, TN 37201").expectQuickReplies(Text.contains("pay"));
      chat.send("mastercard 5555").expectQuickReplies(Text.contains("pay with Mastercard ending 5555 — confirm?"));
    }
    fast.tap("CONFIRM").expectText(Text.contains("is confirmed"));
    slow.tap("CONFIRM");
    slow.expectQuickReplies(Text.contains("just sold out, so I've taken it out of your cart"));
    assertThat(stock("JM-TABOR-BRN", 22)).isZero();
    slow.send("cart").expectQuickReplies(Text.contains("Your cart is empty"));
  }

  @Test
  void helpCartStartOverAndCancelWorkAtAnyPoint() {
    Chat chat = shopper();
    chat.send("help").expectQuickReplies(Text.contains("start over"));
    chat.send("cart").expectQuickReplies(Text.contains("Your cart is empty"));

    chat.send("black loafers size 9").expectCards();
    chat.nextVisibleReply();
    chat.tap("BUY:FL-COMO-BLK").expectQuickReplies(Text.contains("Added"));
    chat.send("help").expectQuickReplies(Text.contains("I can find shoes"));
    chat.send("checkout").expectText(Text.contains("Where should I ship"));
    chat.send("cancel").expectQuickReplies(Text.contains("nothing was ordered"));
    chat.send("cart").expectQuickReplies(Text.contains("Florsheim Como Venetian Loafer, size 9"));
    chat.send("cancel").expectQuickReplies(Text.contains("cleared the search; your cart is kept"));
    chat.tap("SHOW_RESULTS").expectQuickReplies(Text.contains("Tell me what you're looking for first"));

    chat.send("start over").expectQuickReplies(Text.contains("Fresh start"));
    chat.send("cart").expectQuickReplies(Text.contains("Your cart is empty"));
    chat.send("more").expectQuickReplies(Text.contains("Tell me what you're looking for first"));
  }

  @Test
  void greetingsAndOffTopicGetAFriendlyNudge() {
    Chat chat = shopper();
    chat.send("hello!").expectQuickReplies(Text.contains("What are you looking for today?"));
    chat.send("what's the weather like in Paris?").expectQuickReplies(Text.contains("Try \"brown leather"));
    chat.send("thanks").expectText(Text.contains("You're welcome"));
    chat.send("").expectQuickReplies(Text.contains("shoes"));
  }

  @Test
  void aPictureGetsAPoliteAnswer() {
    String user = "shopper-" + USERS.incrementAndGet();
    Chat chat = server.chat(user);
    chat.post(Message.attachment("img-" + user, ConversationRef.of(TestAdapter.PLATFORM, user),
        UserRef.of(TestAdapter.PLATFORM, user), Message.Kind.IMAGE, Message.Attachment.image("https://example.test/a.jpg")));
    chat.expectQuickReplies(Text.contains("can't search by picture yet"));
  }

  @Test
  void detailsDescribeTheShoeAndOfferToBuyIt() {
    Chat chat = shopper().send(SEED);
    Shoe first = shoeOf(chat.expectCards().cards().get(0));
    chat.nextVisibleReply();
    Reply.QuickReplies details = chat.tap("DETAILS:" + first.sku()).expectQuickReplies(Text.contains(first.fullName()));
    assertThat(details.text()).contains("In stock in US men's sizes").contains(first.sku());
    assertThat(details.options()).extracting(QuickReply::payload).contains("BUY:" + first.sku(), "SHOW_RESULTS");
    chat.tap("SHOW_RESULTS").expectCards();
  }

  @Test
  void aShoeCanBePickedByItsPositionInWords() {
    Chat chat = shopper().send(SEED);
    List<Shoe> shown = chat.expectCards().cards().stream().map(ShoeShopConversationTest::shoeOf).toList();
    chat.nextVisibleReply();

    chat.send("tell me about the first one").expectQuickReplies(Text.contains(shown.get(0).fullName() + " — "));
    chat.send("I'll take the second one")
        .expectQuickReplies(Text.contains("Added 1 × " + shown.get(1).fullName() + " (size 10.5)"));
    chat.send("the 9th").expectText(Text.contains("I only showed " + shown.size() + " shoes"));
  }

  @Test
  void shoePicturesAreServedAsPng() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(URI.create(server.url("/assets/shoes/JM-CONARD-BRN.png"))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("image/png"));
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(picture.getWidth()).isEqualTo(480);

    HttpResponse<String> svg = http.send(
        HttpRequest.newBuilder(URI.create(server.url("/assets/shoes/JM-CONARD-BRN.svg"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(svg.statusCode()).as("the SVGs are gone").isEqualTo(404);
  }

  /** Pairs left in the server's bot-wide store (the memory store answers at once). */
  private static int stock(String sku, int halves) {
    return ShopDataTest.join(new ShopData(server.server().stateBackend().botDataStore().prefixed("bot:shoe-shop:"))
        .stock()).left(sku, halves);
  }

  /** Every card is a catalog shoe that matches and has a pair left in {@code size} (half sizes). */
  private static void assertEvery(Reply.Cards cards, Predicate<Shoe> matches, int size) {
    assertThat(cards.cards()).isNotEmpty();
    for (Card card : cards.cards()) {
      Shoe shoe = shoeOf(card);
      assertThat(matches.test(shoe)).as("%s matches", shoe).isTrue();
      assertThat(shoe.sizes()).as("%s is made in %s", shoe.sku(), Sizes.format(size)).contains(size);
      assertThat(stock(shoe.sku(), size)).as("%s in stock in %s", shoe.sku(), Sizes.format(size))
          .isPositive();
    }
  }

  private static Shoe shoeOf(Card card) {
    String payload = card.buttons().get(1).payload();
    assertThat(payload).startsWith(ShoeCards.DETAILS);
    Shoe shoe = CATALOG.find(payload.substring(ShoeCards.DETAILS.length()));
    assertThat(shoe).as("card %s is a catalog shoe", card.title()).isNotNull();
    return shoe;
  }
}
