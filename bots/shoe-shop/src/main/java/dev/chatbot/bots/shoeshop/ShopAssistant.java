package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.ShopState.Ask;
import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.model.Message;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The shop assistant's whole dialogue, as a pure function of (message, state, profile) to replies: no I/O, no
 * Vert.x, so it is fast and easy to test. Commands ("start over", "cancel", "help", "cart") work at any point; a
 * pending question (size, quantity, address, payment, confirmation) gets the next answer; anything that describes
 * shoes refines the search; the rest gets a friendly nudge.
 */
final class ShopAssistant {

  private static final List<QuickReply> KINDS = List.of(QuickReply.of("Dress shoes", "dress shoes"),
      QuickReply.of("Sneakers", "sneakers"), QuickReply.of("Boots", "boots"), QuickReply.of("Running", "running shoes"),
      QuickReply.of("Sandals", "sandals"), QuickReply.of("Loafers", "loafers"),
      QuickReply.of("Anything", "any style"));
  private static final List<Integer> COMMON_SIZES = List.of(16, 17, 18, 19, 20, 21, 22, 23, 24, 26);
  private static final String EXAMPLES = "Try \"brown leather dress shoes, size 10.5\" or \"Nike running shoes "
      + "under $150\".";

  private final Catalog catalog;
  private final ShoeSearch search;
  private final Results results;
  private final Checkout checkout;
  private final ShoeCards cards;
  private final Details details;

  ShopAssistant(Catalog catalog, String publicBaseUrl) {
    this.catalog = catalog;
    this.search = new ShoeSearch(catalog);
    this.cards = new ShoeCards(publicBaseUrl, catalog);
    this.results = new Results(search, cards);
    this.checkout = new Checkout(catalog);
    this.details = new Details(catalog);
  }

  List<Reply> respond(Message message, JsonObject stateJson, JsonObject profile) {
    ShopState state = new ShopState(stateJson);
    if (message.payload() != null) {
      List<Reply> tapped = onPayload(message.payload(), state, profile);
      if (tapped != null) {
        return tapped;
      }
    }
    if (message.kind() == Message.Kind.IMAGE || message.kind() == Message.Kind.LOCATION) {
      return List.of(Reply.quickReplies("Thanks! I can't search by " + (message.kind() == Message.Kind.IMAGE
          ? "picture" : "location") + " yet, but describe the shoes and I'll find them. " + EXAMPLES,
          KINDS.subList(0, 4)));
    }
    String text = message.input();
    return onText(text, ShoeNlu.understand(text), state, profile, message.user().name());
  }

  /** Buttons and chips with a machine payload; null when the payload is plain words for the NLU ("size 10.5"). */
  private List<Reply> onPayload(String payload, ShopState state, JsonObject profile) {
    if (payload.startsWith(ShoeCards.BUY)) {
      return checkout.buy(state, payload.substring(ShoeCards.BUY.length()));
    }
    if (payload.startsWith(ShoeCards.DETAILS)) {
      return details.of(state, payload.substring(ShoeCards.DETAILS.length()));
    }
    if (payload.startsWith(Checkout.QUANTITY) && state.pendingSku() != null) {
      try {
        return checkout.quantity(state, Integer.parseInt(payload.substring(Checkout.QUANTITY.length())));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return switch (payload) {
      case Reply.MORE_PAYLOAD -> more(state);
      case Checkout.CHECKOUT -> checkout.start(state, profile);
      case Checkout.KEEP_SHOPPING -> keepShopping(state);
      case Checkout.CONFIRM -> state.ask() == Ask.CONFIRM ? checkout.confirm(state, profile)
          : checkout.start(state, profile);
      case Checkout.CHANGE_ADDRESS -> checkout.changeAddress(state);
      case Checkout.CHANGE_PAYMENT -> checkout.changePayment(state);
      case Results.SHOW_RESULTS -> showResults(state);
      case "CART" -> checkout.showCart(state);
      case "EMPTY_CART" -> checkout.emptyCart(state);
      case "HELP" -> help();
      case "START_OVER" -> startOver(state);
      case "CANCEL" -> cancel(state);
      default -> null;
    };
  }

  private List<Reply> onText(String text, Understanding u, ShopState state, JsonObject profile, String name) {
    Ask ask = state.ask();
    boolean typingDetails = ask == Ask.ADDRESS || ask == Ask.PAYMENT;
    // While an address is typed, "1 Cart Street" is not a command: only short messages count as commands.
    boolean commands = !typingDetails || text.trim().split("\\s+").length <= 3;
    if (commands) {
      if (u.has(Intent.START_OVER)) {
        return startOver(state);
      }
      if (u.has(Intent.CANCEL)) {
        return cancel(state);
      }
      if (u.has(Intent.HELP)) {
        return help();
      }
      if (u.has(Intent.EMPTY_CART)) {
        return checkout.emptyCart(state);
      }
      if (u.has(Intent.CART) && !u.has(Intent.CHECKOUT)) {
        return checkout.showCart(state);
      }
    }
    if (ask == Ask.ADDRESS && u.describesShoes() && !text.matches(".*\\d.*")) {
      // "actually, show me boots": the shopper left checkout (the cart stays).
      state.ask(null);
    } else if (ask == Ask.ADDRESS) {
      return checkout.address(state, profile, text);
    }
    if (ask == Ask.PAYMENT) {
      return checkout.payment(state, profile, text);
    }
    if (u.has(Intent.CHECKOUT)) {
      return checkout.start(state, profile);
    }
    if (ask == Ask.CONFIRM && !u.describesShoes()) {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("address")) {
        return checkout.changeAddress(state);
      }
      if (lower.contains("payment") || lower.contains("card") || lower.contains("pay ")) {
        return checkout.changePayment(state);
      }
      if (u.has(Intent.YES)) {
        return checkout.confirm(state, profile);
      }
      if (u.has(Intent.NO)) {
        state.ask(null);
        return List.of(Reply.quickReplies("No problem, nothing is ordered. Your cart is kept for you.",
            List.of(QuickReply.of("Checkout", Checkout.CHECKOUT), QuickReply.of("Keep shopping",
                Checkout.KEEP_SHOPPING), QuickReply.of("Change address", Checkout.CHANGE_ADDRESS))));
      }
    }
    if (ask == Ask.QUANTITY && u.quantity() != null && state.pendingSku() != null
        && (u.size() == null || text.trim().matches("\\d{1,2}"))) {
      return checkout.quantity(state, u.quantity());
    }
    if (u.pick() != null && !u.describesShoes() && !state.shown().isEmpty()) {
      return pick(state, u.pick(), text);
    }
    if (u.has(Intent.MORE) && !u.describesShoes()) {
      return more(state);
    }
    if (u.describesShoes() || u.has(Intent.CHEAPER) || u.has(Intent.SHOP)) {
      return refine(state, u);
    }
    if (u.has(Intent.KEEP_SHOPPING)) {
      return keepShopping(state);
    }
    if (u.has(Intent.GREETING)) {
      return greet(state, name);
    }
    if (u.has(Intent.THANKS)) {
      return List.of(Reply.text("You're welcome! Anything else I can find for you?"));
    }
    if (ask == null && (u.has(Intent.YES) || u.has(Intent.NO))) {
      return List.of(Reply.quickReplies((u.has(Intent.YES) ? "Great! " : "No problem. ")
          + "What would you like to look for? " + EXAMPLES, KINDS.subList(0, 4)));
    }
    if (ask == Ask.SIZE) {
      return List.of(Reply.quickReplies("Sorry, I didn't catch the size. Which US size do you wear? For example "
          + "9, 10.5 or 11.", sizeChips()));
    }
    if (ask == Ask.STYLE) {
      return List.of(Reply.quickReplies("Sorry, I didn't get that. What kind of shoes are you after?", KINDS));
    }
    if (ask == Ask.QUANTITY) {
      return List.of(Reply.text("How many pairs would you like? Just a number, like 1 or 2."));
    }
    return List.of(Reply.quickReplies("I'm a shoe shop assistant, so shoes are what I know best. " + EXAMPLES,
        KINDS.subList(0, 4)));
  }

  /** A message that says something about the shoes: update the search and take the next step. */
  private List<Reply> refine(ShopState state, Understanding u) {
    Wanted before = state.wanted();
    Wanted wanted = before.merge(u);
    if (u.has(Intent.CHEAPER) && u.maxPriceCents() == null) {
      // "cheaper" means cheaper than what was just shown, unless this message asks for another kind of shoe.
      List<Shoe> shown = u.style() != null ? List.of()
          : state.shown().stream().map(catalog::find).filter(java.util.Objects::nonNull).toList();
      wanted = Results.cheaper(wanted, shown);
    }
    state.wanted(wanted);
    state.page(0);
    boolean newSearch = u.style() != null || u.brand() != null || u.colour() != null || u.material() != null;
    if (state.ask() == Ask.QUANTITY || state.ask() == Ask.CONFIRM || (state.ask() == Ask.SIZE && newSearch)) {
      // The shopper moved on from the shoe they were buying.
      state.ask(null);
      state.pendingSku(null);
    }
    if (u.size() != null && !Sizes.plausible(u.size())) {
      state.ask(Ask.SIZE);
      return List.of(Reply.quickReplies("I carry US sizes 6 to 14. Which size should I look for?", sizeChips()));
    }
    return nextStep(state);
  }

  /** Ask for what is still missing, one thing at a time, or show the shoes. */
  private List<Reply> nextStep(ShopState state) {
    Wanted wanted = state.wanted();
    if (state.pendingSku() != null && wanted.size() != null) {
      return checkout.buy(state, state.pendingSku());
    }
    if (!wanted.knowsWhatKind()) {
      state.ask(Ask.STYLE);
      String size = wanted.size() == null ? "" : " in size " + Sizes.format(wanted.size());
      return List.of(Reply.quickReplies("Happy to help! What kind of shoes are you after" + size + "?", KINDS));
    }
    if (wanted.size() == null) {
      state.ask(Ask.SIZE);
      return List.of(Reply.quickReplies(Describe.capitalise(Describe.shoes(wanted)) + ", got it. What size do you "
          + "wear (US)?", sizeChips()));
    }
    state.ask(null);
    return results.show(state, !state.cart().isEmpty());
  }

  private List<Reply> more(ShopState state) {
    Wanted wanted = state.wanted();
    if (wanted.size() == null || !wanted.knowsWhatKind()) {
      return nextStepOrNudge(state);
    }
    state.page(state.page() + 1);
    return results.show(state, !state.cart().isEmpty());
  }

  private List<Reply> showResults(ShopState state) {
    Wanted wanted = state.wanted();
    if (wanted.size() == null || !wanted.knowsWhatKind()) {
      return nextStepOrNudge(state);
    }
    return results.show(state, !state.cart().isEmpty());
  }

  private List<Reply> nextStepOrNudge(ShopState state) {
    if (state.wanted().equals(Wanted.NOTHING)) {
      return List.of(Reply.quickReplies("Tell me what you're looking for first. " + EXAMPLES, KINDS.subList(0, 4)));
    }
    return nextStep(state);
  }

  /** "I'll take the second one", "tell me about the first": a shoe on the page just shown, by position. */
  private List<Reply> pick(ShopState state, int position, String text) {
    List<String> shown = state.shown();
    int index = position == -1 ? shown.size() - 1 : position - 1;
    if (index < 0 || index >= shown.size()) {
      return List.of(Reply.text("I only showed " + shown.size() + (shown.size() == 1 ? " shoe" : " shoes")
          + " — which one do you mean? You can also tap its Buy button."));
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("detail") || lower.contains("about") || lower.contains("info") || lower.contains("tell")) {
      return details.of(state, shown.get(index));
    }
    return checkout.buy(state, shown.get(index));
  }

  private List<Reply> keepShopping(ShopState state) {
    state.ask(null);
    state.pendingSku(null);
    List<QuickReply> chips = new ArrayList<>();
    if (state.wanted().size() != null && state.wanted().knowsWhatKind()) {
      chips.add(QuickReply.of("Back to results", Results.SHOW_RESULTS));
    }
    chips.addAll(KINDS.subList(0, 4));
    return List.of(Reply.quickReplies("Sure! What else are you looking for?", chips));
  }

  private List<Reply> help() {
    return List.of(Reply.quickReplies("I can find shoes for you. Tell me the style, colour, material, brand, size "
        + "and budget in any order, e.g. \"brown leather dress shoes, size 10.5, Johnston & Murphy\". Then refine: "
        + "\"in black\", \"what about suede?\", \"cheaper\", \"show more\". Say \"cart\" to see your cart, "
        + "\"checkout\" to order, \"cancel\" to stop a step and \"start over\" to begin again.",
        List.of(QuickReply.of("Dress shoes", "dress shoes"), QuickReply.of("Sneakers", "sneakers"),
            QuickReply.of("My cart", "CART"))));
  }

  private List<Reply> greet(ShopState state, String name) {
    String hello = name == null || name.isBlank() ? "Hi there!" : "Hi " + name.split(" ")[0] + "!";
    if (!state.cart().isEmpty()) {
      return List.of(Reply.quickReplies(hello + " Welcome back — you have " + checkout.cartSummary(state.cart())
          .replace("Your cart: ", "") .replaceAll("\\.$", "") + " in your cart.", List.of(QuickReply.of("Checkout",
          Checkout.CHECKOUT), QuickReply.of("Keep shopping", Checkout.KEEP_SHOPPING))));
    }
    return List.of(Reply.quickReplies(hello + " I'm your shoe shop assistant. What are you looking for today? "
        + EXAMPLES, KINDS.subList(0, 4)));
  }

  private List<Reply> startOver(ShopState state) {
    state.clearAll();
    return List.of(Reply.quickReplies("Fresh start! What kind of shoes are you looking for?", KINDS));
  }

  private List<Reply> cancel(ShopState state) {
    Ask ask = state.ask();
    if (ask == Ask.QUANTITY || ask == Ask.ADDRESS || ask == Ask.PAYMENT || ask == Ask.CONFIRM) {
      state.ask(null);
      state.pendingSku(null);
      String cart = state.cart().isEmpty() ? "" : " " + checkout.cartSummary(state.cart());
      return List.of(Reply.quickReplies("OK, cancelled — nothing was ordered." + cart,
          List.of(QuickReply.of("Keep shopping", Checkout.KEEP_SHOPPING), QuickReply.of("My cart", "CART"))));
    }
    state.clearSearch();
    return List.of(Reply.quickReplies("OK, cancelled. Anything else I can help you find?", KINDS.subList(0, 4)));
  }

  private static List<QuickReply> sizeChips() {
    return Checkout.sizeChips(COMMON_SIZES);
  }
}
