package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.bots.shoeshop.Session.Ask;
import dev.chatbot.commerce.Inventory.Stock;
import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.commerce.Cart;
import dev.chatbot.commerce.Inventory.Line;
import dev.chatbot.commerce.OrderBook;
import dev.chatbot.commerce.Shop;
import dev.chatbot.dialog.Form;
import dev.chatbot.dialog.ReplyBook;
import dev.chatbot.dialog.Turn;
import dev.chatbot.dialog.Words;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.PaymentMethods;
import dev.chatbot.nlu.Positions;
import dev.chatbot.nlu.ResourceFile;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.nlu.TextCues;
import dev.chatbot.search.PriceSteps;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shop assistant's whole dialogue: message, state and profile in, replies out. The only I/O is the bot-wide
 * store (stock, orders), read once per message and written when an order is placed or cancelled. Commands
 * ("start over", "cancel", "help", "cart") work at any point; a pending question gets the next answer, but a
 * refinement typed instead is applied; anything that describes shoes refines the search; the rest gets a nudge.
 */
final class ShopAssistant {

  /** Everything the shop says, by name: {@code shoe-shop/replies.json}. */
  static final ReplyBook SAY = ReplyBook.fromResource("/shoe-shop/replies.json");
  /** Words the dialogue decides by, anywhere in the message ({@code "cues"} in {@code shoe-shop/lexicon.json}). */
  private static final Map<String, List<String>> CUES =
      ResourceFile.wordLists(ResourceFile.json("shoe-shop/lexicon.json").getJsonObject("cues"));
  /** What an address has and a shoe request has not: a house or ZIP number, or a street word. */
  private static final Pattern ADDRESS = Pattern.compile("\\d{3,}|\\b" + TextCues.anyOf(CUES.get("street")) + "\\b");

  private final Catalog catalog;
  private final Results results;
  final Checkout checkout;
  final ShoeCards cards;
  private final JsonObject topics;
  private final OrderBook orders;

  ShopAssistant(Catalog catalog, String publicBaseUrl, Shop data) {
    this.catalog = catalog;
    this.cards = new ShoeCards(publicBaseUrl, catalog);
    this.results = new Results(catalog, cards);
    this.checkout = new Checkout(catalog, data, turn -> elsewhere(turn) ? Map.of() : null);
    this.topics = ResourceFile.json("shoe-shop/store.json").getJsonObject("topics");
    this.orders = data.orders();
  }

  /**
   * While checkout asks for the address, the payment or the confirmation: whether a message is for the rest of the
   * shop rather than an answer. Taps of the shop's buttons are; typed commands are when short ("1 Cart Street" is
   * an address); asked the address, so is a request for other shoes (the shopper left checkout); at the
   * confirmation, anything but yes, no and the answer to change.
   */
  boolean elsewhere(Turn turn) {
    String payload = turn.message().payload();
    if (payload != null) {
      // The form's own buttons, and the payment chips (each names a method), answer it.
      return !payload.equals(Form.CONFIRM) && !payload.startsWith(Form.change(""))
          && PaymentMethods.label(payload) == null;
    }
    String text = turn.text();
    String lower = text.toLowerCase(Locale.ROOT);
    Understanding u = ShoeNlu.understand(text);
    boolean confirming = Form.CONFIRMATION.equals(turn.asking());
    boolean command = u.has(Intent.START_OVER) || u.has(Intent.CANCEL) || u.has(Intent.HELP) && u.topics().isEmpty()
        || u.has(Intent.EMPTY_CART) || u.has(Intent.CART) && !u.has(Intent.CHECKOUT) && !u.has(Intent.REMOVE);
    if (u.has(Intent.HUMAN) && (confirming || !TextCues.hasDigit(text))
        || command && (confirming || text.trim().split("\\s+").length <= 3)) {
      return true;
    }
    if (confirming) {
      return u.describesShoes() || !(u.has(Intent.YES) || u.has(Intent.NO) || cue("change", lower));
    }
    return "address".equals(turn.asking()) && u.describesShoes() && !ADDRESS.matcher(lower).find();
  }

  /** Anything typed, and chips whose payload is plain words ("size 10.5", "dress shoes"). */
  Future<List<Reply>> onText(Turn turn, Stock stock) {
    Message.Kind kind = turn.message().kind();
    if (kind == Message.Kind.IMAGE || kind == Message.Kind.LOCATION) {
      return now(List.of(SAY.reply("attachment", "what", kind == Message.Kind.IMAGE ? "picture" : "location")));
    }
    String text = turn.message().input();
    Understanding u = ShoeNlu.understand(text);
    String lower = text.toLowerCase(Locale.ROOT);
    Ask ask = turn.get(Session.ASK);
    if (u.has(Intent.HUMAN)) {
      return handOver(turn);
    }
    if (u.has(Intent.START_OVER)) {
      return now(startOver(turn));
    }
    if (u.has(Intent.CANCEL) && ask != Ask.CANCEL_ORDER) {
      boolean aboutAnOrder = lower.contains("order") || (ask == null && !turn.inDialog()
          && turn.get(Session.CART).lines().isEmpty() && Checkout.latestOrder(turn) != null
          && cue("myOrder", lower));
      return now(aboutAnOrder ? checkout.askToCancel(turn, orders.numberIn(text)) : cancel(turn));
    }
    if (u.has(Intent.HELP) && u.topics().isEmpty()) {
      return now(List.of(SAY.reply("help")));
    }
    if (u.has(Intent.EMPTY_CART)) {
      return now(checkout.emptyCart(turn));
    }
    if (u.has(Intent.CART) && !u.has(Intent.CHECKOUT) && !u.has(Intent.REMOVE)) {
      return now(checkout.showCart(turn));
    }
    if (u.has(Intent.CHECKOUT)) {
      return checkout.start(turn).map(List.of());
    }
    if (ask == Ask.CANCEL_ORDER && turn.get(Session.ORDER_TO_CANCEL) != null) {
      if (u.has(Intent.YES) || (u.has(Intent.CANCEL) && !u.has(Intent.NO))) {
        return checkout.cancelOrder(turn, turn.get(Session.ORDER_TO_CANCEL));
      }
      if (u.has(Intent.NO)) {
        return now(keepOrder(turn));
      }
    }
    if (ask == Ask.SIZE_SYSTEM && turn.get(Session.UNSURE_SIZE) != null && u.size() == null && u.unsureSize() == null) {
      // "women's" or "men's" alone answers which size system the number was in.
      boolean women = cue("women", lower);
      if (women || cue("men", lower)) {
        u = ShoeNlu.understand((women ? "womens " : "mens ") + SizeChart.format(turn.get(Session.UNSURE_SIZE)));
      }
    }
    if (!turn.get(Session.CART).lines().isEmpty()) {
      List<Reply> edited = editCart(u, lower, turn, stock);
      if (edited != null) {
        return now(edited);
      }
    }
    if (u.pick() != null && !u.describesShoes() && !Session.shown(turn).isEmpty()) {
      return now(pick(turn, stock, u.pick(), lower));
    }
    if (u.has(Intent.CHEAPEST) && u.has(Intent.ADD) && !Session.shown(turn).isEmpty()) {
      String cheapest = Session.shown(turn).stream().map(catalog::find).filter(Objects::nonNull)
          .min(Comparator.comparingLong(Shoe::priceCents)).map(Shoe::sku).orElseThrow();
      return now(checkout.buy(turn, stock, cheapest));
    }
    if (u.has(Intent.ORDER_STATUS) && !u.describesShoes()) {
      return checkout.status(turn, orders.numberIn(text));
    }
    // Store questions are answered from data; things the shop does not carry are said out loud.
    List<String> said = new ArrayList<>(u.topics().stream().map(topic -> topics.getJsonObject(topic)
        .getString("answer")).toList());
    if (!u.unsupported().isEmpty()) {
      said.add(SAY.text(u.describesShoes() ? "notCarried" : "notCarriedAtAll", "what", String.join(" or ",
          u.unsupported())));
    }
    if (!said.isEmpty() && !u.describesShoes()) {
      return now(List.of(SAY.reply("storeAnswers", "answers", String.join("\n\n", said))));
    }
    if (u.has(Intent.MORE) && !u.describesShoes()) {
      return now(results(turn, stock, 1));
    }
    if (u.describesShoes() || u.has(Intent.CHEAPER) || u.has(Intent.CHEAPEST) || u.has(Intent.SHOP)) {
      return now(Stream.concat(said.stream().map(Reply::text), refine(turn, stock, u).stream()).toList());
    }
    return now(nudge(u, turn));
  }

  /** Cart edits typed as words: "remove the boots", "make it 2", "take the second one out". Null if none. */
  private List<Reply> editCart(Understanding u, String lower, Turn turn, Stock stock) {
    List<Line> cart = turn.get(Session.CART).lines();
    if (u.has(Intent.REMOVE)) {
      Predicate<Line> which = lineMatching(u, cart, turn.get(Session.CART).last(), lower);
      return checkout.remove(turn, which == null ? line -> false : which);
    }
    boolean aboutQuantity = cue("quantity", lower) || lower.matches("\\s*\\d\\s*")
        || (u.quantity() != null && u.size() == null && !u.describesShoes() && u.pick() == null);
    if (u.quantity() != null && aboutQuantity && !u.says(Slot.STYLE) && (u.size() == null
        || !Catalog.SIZES.plausible(u.size()) || lower.matches("\\D*\\b[1-5]\\b\\D*") && !lower.contains("size"))) {
      Predicate<Line> which = lineMatching(u, cart, null, lower);
      Line line = which == null ? turn.get(Session.CART).last() : cart.stream().filter(which).findFirst()
          .orElse(turn.get(Session.CART).last());
      return checkout.quantity(turn, stock, line, u.quantity());
    }
    return null;
  }

  /** The cart lines a message names: by position ("the second one"), by what they are ("the boots"), or "it". */
  private Predicate<Line> lineMatching(Understanding u, List<Line> cart, Line last, String lower) {
    if (u.pick() != null) {
      Line picked = Positions.pick(cart, u.pick());
      return picked == null ? null : picked::equals;
    }
    if (!u.said().isEmpty() || u.model() != null) {
      Wanted named = Wanted.NOTHING.merge(u, catalog);
      return line -> {
        Shoe shoe = catalog.find(line.item());
        return shoe != null && catalog.search().meetsEvery(shoe, named) && (u.model() == null || shoe.isModel(u.model()));
      };
    }
    return last != null && cue("thatOne", lower) ? last::equals : null;
  }

  /** A message that says something about the shoes: update the search and take the next step. */
  private List<Reply> refine(Turn turn, Stock stock, Understanding u) {
    Wanted wanted = turn.get(Session.WANTED).merge(u, catalog);
    if (u.has(Intent.CHEAPER) && u.maxPriceCents() == null) {
      // "cheaper": below the average price of the page just shown (unless this message asks for another kind of
      // shoe), cheapest first.
      List<Long> shown = u.says(Slot.STYLE) ? List.of() : Session.shown(turn).stream().map(catalog::find)
          .filter(Objects::nonNull).map(Shoe::priceCents).toList();
      wanted = wanted.withBudget(PriceSteps.cheaperThan(shown, wanted.maxPriceCents()), true);
    } else if (u.has(Intent.CHEAPEST)) {
      wanted = wanted.withBudget(wanted.maxPriceCents(), true);
    }
    turn.set(Session.WANTED, wanted);
    turn.set(Session.PAGE, null);
    boolean newSearch = u.says(Slot.STYLE) || u.says(Slot.BRAND) || u.says(Slot.COLOUR) || u.says(Slot.MATERIAL);
    if (turn.inDialog() || (turn.get(Session.ASK) == Ask.SIZE && newSearch
        && turn.get(Session.PENDING_SKU) != null)) {
      // The shopper moved on from the shoe they were buying, or left checkout.
      turn.cancel();
      turn.set(Session.ASK, null);
      turn.set(Session.PENDING_SKU, null);
    }
    if (u.unsureSize() != null) {
      turn.set(Session.UNSURE_SIZE, u.unsureSize());
      turn.set(Session.ASK, Ask.SIZE_SYSTEM);
      return List.of(SAY.reply("whichSystem", "size", SizeChart.format(u.unsureSize()), "men",
          SizeChart.format(Catalog.SIZES.toHome("WOMEN", u.unsureSize()))));
    }
    if (u.size() != null && !Catalog.SIZES.plausible(u.size())) {
      turn.set(Session.ASK, Ask.SIZE);
      String beyond = u.sizeAsSaid() == null ? "" : SAY.text("beyondChart", "size", u.sizeAsSaid());
      return List.of(SAY.reply("sizeRange", "beyond", beyond));
    }
    if (u.size() != null) {
      turn.set(Session.UNSURE_SIZE, null);
    }
    Stream<Reply> converted = u.sizeAsSaid() == null ? Stream.of()
        : Stream.of(SAY.reply("converted", "said", u.sizeAsSaid(), "size", SizeChart.format(u.size())));
    return Stream.concat(converted, nextStep(turn, stock).stream()).toList();
  }

  /** Ask for what is still missing, one thing at a time, or show the shoes. */
  private List<Reply> nextStep(Turn turn, Stock stock) {
    Wanted wanted = turn.get(Session.WANTED);
    if (turn.get(Session.PENDING_SKU) != null && wanted.size() != null) {
      return checkout.buy(turn, stock, turn.get(Session.PENDING_SKU));
    }
    if (!wanted.knowsWhatKind()) {
      turn.set(Session.ASK, Ask.STYLE);
      return List.of(SAY.reply("whatKind", "size", wanted.size() == null ? "" : " in " + Describe.size(wanted)));
    }
    if (wanted.size() == null) {
      turn.set(Session.ASK, Ask.SIZE);
      return List.of(SAY.reply("whatSize", "shoes", Words.capitalise(Describe.shoes(wanted))));
    }
    turn.set(Session.ASK, null);
    return results.show(turn, stock);
  }

  /** The next page ("more": {@code pages} 1) or the page shown again ("Back to results": 0). */
  List<Reply> results(Turn turn, Stock stock, int pages) {
    Wanted wanted = turn.get(Session.WANTED);
    if (wanted.equals(Wanted.NOTHING)) {
      return List.of(SAY.reply("searchFirst"));
    }
    if (wanted.size() == null || !wanted.knowsWhatKind()) {
      return nextStep(turn, stock);
    }
    turn.update(Session.PAGE, page -> page + pages);
    return results.show(turn, stock);
  }

  /** "I'll take the second one", "tell me about the first": a shoe on the page just shown, by position. */
  private List<Reply> pick(Turn turn, Stock stock, int position, String lower) {
    List<String> shown = Session.shown(turn);
    String sku = Positions.pick(shown, position);
    return sku == null ? List.of(SAY.reply("onlyShowed", "count", Words.count(shown.size(), "shoe")))
        : cue("details", lower) ? cards.details(turn, stock, sku) : checkout.buy(turn, stock, sku);
  }

  /** The shopper asked for a person: say how one will reach them; the framework counts it and keeps the bot out. */
  Future<List<Reply>> handOver(Turn turn) {
    return turn.handOver().map(counted -> List.of(SAY.reply("handover")));
  }

  private List<Reply> nudge(Understanding u, Turn turn) {
    Ask ask = turn.get(Session.ASK);
    if (u.has(Intent.KEEP_SHOPPING)) {
      return keepShopping(turn);
    }
    String name = turn.message().user().name();
    String hello = name == null || name.isBlank() ? SAY.text("hello") : SAY.text("helloName", "name",
        name.split(" ")[0]);
    Cart cart = turn.get(Session.CART);
    return List.of(u.has(Intent.GREETING) && !cart.lines().isEmpty()
        ? SAY.reply("welcomeBack", "hello", hello, "pairs", Words.count(cart.units(), "pair"),
            "total", checkout.total(cart))
        : u.has(Intent.GREETING) ? SAY.reply("greet", "hello", hello)
        : u.has(Intent.THANKS) ? SAY.reply("thanks")
        : ask == null && (u.has(Intent.YES) || u.has(Intent.NO))
            ? SAY.reply("yesNo", "ok", u.has(Intent.YES) ? "Great!" : "No problem.")
        : ask == Ask.SIZE || ask == Ask.SIZE_SYSTEM ? SAY.reply("sizeAgain")
        : ask == Ask.STYLE ? SAY.reply("styleAgain") : SAY.reply("nudge"));
  }

  List<Reply> keepShopping(Turn turn) {
    turn.cancel();
    turn.set(Session.ASK, null);
    turn.set(Session.PENDING_SKU, null);
    Wanted wanted = turn.get(Session.WANTED);
    return List.of(SAY.reply("keepShopping", "results", wanted.size() != null && wanted.knowsWhatKind()
        ? Results.SHOW_RESULTS : ""));
  }

  List<Reply> keepOrder(Turn turn) {
    String number = turn.get(Session.ORDER_TO_CANCEL);
    turn.set(Session.ASK, null);
    turn.set(Session.ORDER_TO_CANCEL, null);
    return List.of(SAY.reply("keepOrder", "order", number == null ? "your order" : "order " + number));
  }

  List<Reply> startOver(Turn turn) {
    Session.clearAll(turn);
    return List.of(SAY.reply("startOver"));
  }

  List<Reply> cancel(Turn turn) {
    Cart cart = turn.get(Session.CART);
    if (turn.inDialog() || turn.get(Session.PENDING_SKU) != null) {
      turn.cancel();
      turn.set(Session.ASK, null);
      turn.set(Session.PENDING_SKU, null);
      return List.of(SAY.reply("stopped", "cart", cart.lines().isEmpty() ? "" : " " + checkout.cartSummary(cart)));
    }
    Session.clearSearch(turn);
    return List.of(SAY.reply("cleared", "kept", cart.lines().isEmpty() ? "." : "; your cart is kept."));
  }

  private static boolean cue(String kind, String lower) {
    return TextCues.anyIn(lower, CUES.get(kind));
  }

  static Future<List<Reply>> now(List<Reply> replies) {
    return Future.succeededFuture(replies);
  }
}
