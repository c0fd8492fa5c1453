package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.dialog.Form;
import dev.chatbot.dialog.Handover;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.Message;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.testkit.BotTester;
import dev.chatbot.testkit.Text;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shoe shop, talked to like a shopper would, in the bot tester: the real bot with its routes and a memory store,
 * no HTTP. (Through the real server: {@code ShoeShopServerTest}, {@code ShopperJourneysTest} and
 * {@code ShoeShopOnMessengerTest}.)
 */
class ShoeShopConversationTest {

  private static final String BASE = "http://localhost:8080";
  private static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";
  private static final AtomicInteger USERS = new AtomicInteger();
  private static final Catalog CATALOG = Catalog.shared();
  private static BotTester bot;

  @BeforeAll
  static void start() {
    bot = BotTester.start(new ShoeShopBot());
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  @BeforeEach
  void forgetRepliesNobodyExpected() {
    bot.drain();
  }

  /** A fresh shopper for each conversation, so tests never share state. */
  private static BotTester shopper() {
    return bot.as("shopper-" + USERS.incrementAndGet());
  }

  @Test
  void theSeedSentenceShowsBrownLeatherJohnstonAndMurphyDressShoesInStockIn10AndAHalf() {
    BotTester chat = shopper().say(SEED);

    Reply.Cards cards = expectCards(chat);
    assertThat(cards.cards()).hasSizeGreaterThanOrEqualTo(3);
    assertEvery(cards, shoe -> shoe.brand().equals("Johnston & Murphy") && shoe.colour().equals("brown")
        && shoe.material().equals("leather") && shoe.isStyle("dress"), 21);
    for (Card card : cards.cards()) {
      Shoe shoe = shoeOf(card);
      assertThat(card.imageUrl()).isEqualTo(BASE + "/assets/shoes/" + shoe.sku() + ".png");
      assertThat(card.title()).contains(shoe.name());
      assertThat(card.subtitle()).contains(PriceLimits.format(shoe.priceCents())).contains("brown leather");
      assertThat(card.buttons()).extracting(Button::title).containsExactly("Buy", "Details");
      assertThat(card.buttons()).extracting(Button::payload)
          .containsExactly("BUY:" + shoe.sku(), "DETAILS:" + shoe.sku());
    }
    chat.expectQuickReplies(Text.contains("brown leather dress shoes from Johnston & Murphy in size 10.5"));
  }

  @Test
  void aSoldOutSizeIsNeverOffered() {
    assertThat(stock("JM-MELTON-BRN", 21)).as("the catalog's sold-out example").isZero();
    BotTester chat = shopper().say(SEED);
    assertThat(expectCards(chat).cards()).extracting(card -> shoeOf(card).sku()).doesNotContain("JM-MELTON-BRN");
    chat.expectQuickReplies(Text.contains("size 10.5"));

    chat.tap("DETAILS:JM-MELTON-BRN")
        .expectQuickReplies(Text.contains("size 10.5 is sold out"));
  }

  @Test
  void everyModelSoldOutInTheSizeIsSaidSoAndOthersAreOffered() {
    BotTester chat = shopper().say("Teva sandals size 13");
    chat.expectText(Text.contains("sold out in size 13"));
    assertEvery(expectCards(chat), shoe -> true, 26);
  }

  @ParameterizedTest(name = "size \"{0}\"")
  @ValueSource(strings = {"10 1/2", "10.5", "10½", "ten and a half", "10-1/2"})
  void everySizeNotationFindsTheSameShoes(String size) {
    BotTester chat = shopper().say("brown leather J&M dress shoes, size " + size);
    assertEvery(expectCards(chat), shoe -> shoe.brand().equals("Johnston & Murphy"), 21);
  }

  @Test
  void aSizeAloneAsAnAnswerWorksToo() {
    BotTester chat = shopper().say("black sneakers");
    chat.expectQuickReplies(Text.contains("What size"));
    chat.say("size 9");
    assertEvery(expectCards(chat), shoe -> shoe.colour().equals("black") && shoe.isStyle("sneaker"), 18);
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
    BotTester chat = shopper().say(message);
    Reply.Cards cards = expectCards(chat);
    assertThat(cards.cards()).isNotEmpty();
    assertThat(cards.cards()).allSatisfy(card -> assertThat(shoeOf(card).brand()).isEqualTo(brand));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sneakers under $100 size 10 | 100",
      "running shoes less than 150 dollars size 9 | 150",
      "boots below 160, size 11 | 160"})
  void priceLimitsAreKept(String message, int dollars) {
    BotTester chat = shopper().say(message);
    Reply.Cards cards = expectCards(chat);
    assertThat(cards.cards()).isNotEmpty();
    assertThat(cards.cards()).allSatisfy(card ->
        assertThat(shoeOf(card).priceCents()).isLessThanOrEqualTo(dollars * 100L));
    chat.expectQuickReplies(Text.contains("under $" + dollars));
  }

  @Test
  void laterMessagesRefineTheSearch() {
    BotTester chat = shopper().say("Cole Haan shoes, size 10");
    expectCards(chat);
    chat.expectQuickReplies(Text.contains("Cole Haan"));

    chat.say("in black");
    assertEvery(expectCards(chat), shoe -> shoe.brand().equals("Cole Haan") && shoe.colour().equals("black"), 20);
    chat.expectQuickReplies(Text.contains("black shoes from Cole Haan"));

    chat.say("what about suede?");
    chat.expectText(Text.contains("Sorry, I have no black suede shoes from Cole Haan in size 10"));
    assertEvery(expectCards(chat), shoe -> shoe.brand().equals("Cole Haan") || shoe.material().equals("suede"), 20);
    chat.expectQuickReplies(Text.contains("widen"));

    chat.say("any colour");
    assertEvery(expectCards(chat), shoe -> shoe.brand().equals("Cole Haan") && shoe.material().equals("suede"), 20);
    chat.expectQuickReplies(Text.contains("suede shoes from Cole Haan"));
  }

  @Test
  void cheaperShowsLowerPricesThanBefore() {
    BotTester chat = shopper().say("dress shoes size 10");
    List<Shoe> before = expectCards(chat).cards().stream().map(ShoeShopConversationTest::shoeOf).toList();
    chat.nextReply();
    double average = before.stream().mapToLong(Shoe::priceCents).average().orElseThrow();

    chat.say("cheaper");
    Reply.Cards cheaper = expectCards(chat);
    assertEvery(cheaper, shoe -> shoe.isStyle("dress") && shoe.priceCents() < average, 20);
    List<Long> prices = cheaper.cards().stream().map(card -> shoeOf(card).priceCents()).toList();
    assertThat(prices).as("cheapest first").isSorted();
  }

  @Test
  void showMorePagesThroughTheResults() {
    BotTester chat = shopper().say("sneakers size 10");
    Reply.Cards first = expectCards(chat);
    assertThat(first.cards()).hasSize(Results.PAGE_SIZE);
    Reply.QuickReplies chips = chat.expectQuickReplies(Text.contains("top 10"));
    assertThat(chips.options()).extracting(QuickReply::payload).contains(Reply.MORE_PAYLOAD);

    chat.tap(Reply.MORE_PAYLOAD);
    Reply.Cards second = expectCards(chat);
    chat.expectQuickReplies(Text.contains("11–"));
    assertThat(second.cards().stream().map(card -> shoeOf(card).sku()))
        .doesNotContainAnyElementsOf(first.cards().stream().map(card -> shoeOf(card).sku()).toList());
    assertEvery(second, shoe -> shoe.isStyle("sneaker"), 20);

    chat.say("show more");
    expectCards(chat);
  }



  @Test
  void aMissingSizeIsAskedForAndTheAnswerRemembered() {
    BotTester chat = shopper().say("I'm looking for chelsea boots");
    Reply.QuickReplies question = chat.expectQuickReplies(Text.contains("What size"));
    assertThat(question.options()).extracting(QuickReply::title).contains("9", "10.5", "11");

    chat.tap("size 9.5");
    assertEvery(expectCards(chat), shoe -> shoe.style().equals("chelsea boot"), 19);
    chat.expectQuickReplies(Text.contains("chelsea boots in size 9.5"));

    chat.say("in brown");
    assertEvery(expectCards(chat), shoe -> shoe.style().equals("chelsea boot") && shoe.colour().equals("brown"), 19);
  }

  @Test
  void justWantingShoesAsksWhichKindThenWhichSize() {
    BotTester chat = shopper().say("I need shoes");
    chat.expectQuickReplies(Text.contains("What kind of shoes"));
    chat.tap("loafers").expectQuickReplies(Text.contains("What size"));
    chat.say("nine and a half");
    assertEvery(expectCards(chat), shoe -> shoe.style().equals("loafer"), 19);
  }

  @Test
  void aWholeNewRequestStartsAFreshSearch() {
    BotTester chat = shopper().say("Nike sneakers size 10");
    expectCards(chat);
    chat.nextReply();
    chat.say("brown chelsea boots size 9");
    assertEvery(expectCards(chat), shoe -> shoe.style().equals("chelsea boot") && shoe.colour().equals("brown"), 18);
  }

  @Test
  void aSizeWithoutAKindOfShoeAsksWhichKind() {
    BotTester chat = shopper().say("size 11");
    Reply.QuickReplies kinds = chat.expectQuickReplies(Text.contains("What kind of shoes"));
    assertThat(kinds.options()).extracting(QuickReply::title).contains("Dress shoes", "Sneakers", "Boots");
    chat.tap("sandals");
    assertEvery(expectCards(chat), shoe -> shoe.isStyle("sandal"), 22);
  }

  @Test
  void noMatchSaysWhyAndOffersTheNearestAlternatives() {
    BotTester chat = shopper().say("brown suede Clarks dress shoes in 10.5");
    chat.expectText(Text.contains("Sorry, I have no brown suede dress shoes from Clarks in size 10.5"));
    Reply.Cards alternatives = expectCards(chat);
    assertEvery(alternatives, shoe -> true, 21);
    Shoe best = shoeOf(alternatives.cards().get(0));
    assertThat(best.brand()).as("the closest keeps the brand").isEqualTo("Clarks");
    Reply.QuickReplies widen = chat.expectQuickReplies(Text.contains("widen the search"));
    assertThat(widen.options()).extracting(QuickReply::title).contains("Start over");
  }

  @Test
  void buyCartAndCheckoutAskAddressAndPaymentOnceAndRememberThem() {
    BotTester chat = shopper();
    chat.say(SEED).expect(Reply.Cards.class);
    chat.nextReply();
    int before = stock("JM-HOLLIS-BRN", 21);

    chat.tap("BUY:JM-HOLLIS-BRN");
    Reply.QuickReplies added = chat.expectQuickReplies(Text.contains("Added 1 × Johnston & Murphy Hollis Wingtip "
        + "(size 10.5) to your cart."));
    assertThat(added.options()).extracting(QuickReply::title).containsExactly("Checkout", "Make it 2", "Keep shopping");

    chat.say("cart").expectQuickReplies(Text.contains("Hollis Wingtip, size 10.5"));
    chat.tap("CHECKOUT").expectText(Text.contains("Where should I ship"));
    chat.say("12 Main Street, Springfield, IL 62704");
    chat.expectQuickReplies(Text.contains("How would you like to pay"));
    chat.say("4242 4242 4242 4242").expectText(Text.contains("don't type a full card number"));
    chat.expectQuickReplies(Text.contains("How would you like to pay")); // the form asks again
    chat.say("Visa 4242");
    Reply.QuickReplies confirm = chat.expectQuickReplies(Text.contains(
        "Ship to 12 Main Street, Springfield, IL 62704, pay with Visa ending 4242 — confirm?"));
    assertThat(confirm.options()).extracting(QuickReply::title)
        .contains("Confirm", "Change address", "Change payment");
    chat.tap("CONFIRM");
    String order = chat.expectText(Text.matches("Order SS-[A-Z0-9]{6} is confirmed"));
    assertThat(order).contains("1 × Johnston & Murphy Hollis Wingtip, size 10.5").contains("Total $164.99");
    assertThat(stock("JM-HOLLIS-BRN", 21)).isEqualTo(before - 1);

    // Same shopper, a new conversation: no questions, straight to confirmation.
    BotTester again = chat.newConversation("second-visit-" + USERS.incrementAndGet());
    again.say("white sneakers size 10");
    Shoe sneaker = shoeOf(expectCards(again).cards().get(0));
    again.nextReply();
    again.tap("BUY:" + sneaker.sku()).expectQuickReplies(Text.contains("Added 1 ×"));
    again.say("2");
    again.expectQuickReplies(Text.contains("Done: 2 pairs of the " + sneaker.fullName()));
    again.say("checkout");
    again.expectQuickReplies(Text.contains("Ship to 12 Main Street, Springfield, IL 62704, pay with Visa ending 4242"
        + " — confirm?"));
    again.say("yes");
    again.expectText(Text.matches("Order SS-[A-Z0-9]{6} is confirmed"));
  }

  @Test
  void changingTheSavedAddressAtConfirmation() {
    BotTester chat = shopper();
    chat.say("Birkenstock sandals size 10").expect(Reply.Cards.class);
    chat.nextReply();
    chat.tap("BUY:BK-ARIZONA-BRN").expectQuickReplies(Text.contains("Added"));
    chat.say("check out").expectText(Text.contains("Where should I ship"));
    chat.say("1 Elm Road, Portland, OR 97201").expectQuickReplies(Text.contains("How would you like to pay"));
    chat.tap("PayPal").expectQuickReplies(Text.contains("pay with PayPal — confirm?"));
    chat.tap(Form.change("address")).expectText(Text.contains("Where should I ship"));
    chat.say("99 Oak Avenue, Austin, TX 73301")
        .expectQuickReplies(Text.contains("Ship to 99 Oak Avenue, Austin, TX 73301, pay with PayPal"));
    chat.say("cancel").expectQuickReplies(Text.contains("nothing was ordered"));
  }

  @Test
  void aPairThatSellsOutBeforeConfirmationIsExplained() {
    assertThat(stock("JM-TABOR-BRN", 22)).as("the catalog's last-pair example").isEqualTo(1);
    String slow = "slow-" + USERS.incrementAndGet();
    String fast = "fast-" + USERS.incrementAndGet();
    for (String who : List.of(slow, fast)) {
      BotTester chat = bot.as(who);
      chat.say("Johnston & Murphy brown leather dress shoes size 11").expect(Reply.Cards.class);
      chat.nextReply();
      chat.tap("BUY:JM-TABOR-BRN").expectQuickReplies(Text.contains("Added"));
      chat.tap("CHECKOUT").expectText(Text.contains("Where should I ship"));
      chat.say("5 Pine Street, Nashville, TN 37201").expectQuickReplies(Text.contains("pay"));
      chat.say("mastercard 5555").expectQuickReplies(Text.contains("pay with Mastercard ending 5555 — confirm?"));
    }
    bot.as(fast).tap("CONFIRM").expectText(Text.contains("is confirmed"));
    bot.as(slow).tap("CONFIRM");
    bot.expectQuickReplies(Text.contains("just sold out, so I've taken it out of your cart"));
    assertThat(stock("JM-TABOR-BRN", 22)).isZero();
    bot.say("cart").expectQuickReplies(Text.contains("Your cart is empty"));
  }

  @Test
  void helpCartStartOverAndCancelWorkAtAnyPoint() {
    BotTester chat = shopper();
    chat.say("help").expectQuickReplies(Text.contains("start over"));
    chat.say("cart").expectQuickReplies(Text.contains("Your cart is empty"));

    chat.say("black loafers size 9").expect(Reply.Cards.class);
    chat.nextReply();
    chat.tap("BUY:FL-COMO-BLK").expectQuickReplies(Text.contains("Added"));
    chat.say("help").expectQuickReplies(Text.contains("I can find shoes"));
    chat.say("checkout").expectText(Text.contains("Where should I ship"));
    chat.say("cancel").expectQuickReplies(Text.contains("nothing was ordered"));
    chat.say("cart").expectQuickReplies(Text.contains("Florsheim Como Venetian Loafer, size 9"));
    chat.say("cancel").expectQuickReplies(Text.contains("cleared the search; your cart is kept"));
    chat.tap("SHOW_RESULTS").expectQuickReplies(Text.contains("Tell me what you're looking for first"));

    chat.say("start over").expectQuickReplies(Text.contains("Fresh start"));
    chat.say("cart").expectQuickReplies(Text.contains("Your cart is empty"));
    chat.say("more").expectQuickReplies(Text.contains("Tell me what you're looking for first"));
  }

  @Test
  void greetingsAndOffTopicGetAFriendlyNudge() {
    BotTester chat = shopper();
    chat.say("hello!").expectQuickReplies(Text.contains("What are you looking for today?"));
    chat.say("what's the weather like in Paris?").expectQuickReplies(Text.contains("Try \"brown leather"));
    chat.say("thanks").expectText(Text.contains("You're welcome"));
    chat.say("").expectQuickReplies(Text.contains("shoes"));
  }

  @Test
  void aPictureGetsAPoliteAnswer() {
    BotTester chat = shopper();
    chat.post(Message.attachment("img-1", chat.ref(), chat.user(), Message.Kind.IMAGE,
        Message.Attachment.image("https://example.test/a.jpg")));
    chat.expectQuickReplies(Text.contains("can't search by picture yet"));
  }

  @Test
  void detailsDescribeTheShoeAndOfferToBuyIt() {
    BotTester chat = shopper().say(SEED);
    Shoe first = shoeOf(expectCards(chat).cards().get(0));
    chat.nextReply();
    Reply.QuickReplies details = chat.tap("DETAILS:" + first.sku()).expectQuickReplies(Text.contains(first.fullName()));
    assertThat(details.text()).contains("In stock in US men's sizes").contains(first.sku());
    assertThat(details.options()).extracting(QuickReply::payload).contains("BUY:" + first.sku(), "SHOW_RESULTS");
    chat.tap("SHOW_RESULTS").expect(Reply.Cards.class);
  }

  @Test
  void aShoeCanBePickedByItsPositionInWords() {
    BotTester chat = shopper().say(SEED);
    List<Shoe> shown = expectCards(chat).cards().stream().map(ShoeShopConversationTest::shoeOf).toList();
    chat.nextReply();

    chat.say("tell me about the first one").expectQuickReplies(Text.contains(shown.get(0).fullName() + " — "));
    chat.say("I'll take the second one")
        .expectQuickReplies(Text.contains("Added 1 × " + shown.get(1).fullName() + " (size 10.5)"));
    chat.say("the 9th").expectText(Text.contains("I only showed " + shown.size() + " shoes"));
  }



  @Test
  void aPersonHasTheConversationUntilItIsResumedAndNothingIsAnsweredMeanwhile() {
    BotTester chat = shopper();
    chat.tap("HUMAN").expectText(Text.contains("A person will reply right here"));
    assertThat(chat.state().getJsonObject(Handover.KEY)).isNotNull();
    chat.say("hello?").say("sneakers size 10").expectNoMoreReplies();
    chat.event(Handover.RESUME_EVENT, new io.vertx.core.json.JsonObject())
        .expectQuickReplies(Text.contains("I'm back"));
    assertThat(chat.state().containsKey(Handover.KEY)).isFalse();
    chat.say("sneakers size 10").expect(Reply.Cards.class);
  }

  private static Reply.Cards expectCards(BotTester chat) {
    return chat.expect(Reply.Cards.class);
  }

  /** Pairs left in the bot-wide store (the memory store answers at once). */
  private static int stock(String sku, int halves) {
    return ShopDataTest.join(ShoeShopBot.shop(bot.data().prefixed("bot:shoe-shop:")).inventory().stock())
        .left(sku, SizeChart.format(halves));
  }

  /** Every card is a catalog shoe that matches and has a pair left in {@code size} (half sizes). */
  private static void assertEvery(Reply.Cards cards, Predicate<Shoe> matches, int size) {
    assertThat(cards.cards()).isNotEmpty();
    for (Card card : cards.cards()) {
      Shoe shoe = shoeOf(card);
      assertThat(matches.test(shoe)).as("%s matches", shoe).isTrue();
      assertThat(shoe.sizes()).as("%s is made in %s", shoe.sku(), SizeChart.format(size)).contains(size);
      assertThat(stock(shoe.sku(), size)).as("%s in stock in %s", shoe.sku(), SizeChart.format(size))
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
