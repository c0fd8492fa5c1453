package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.commerce.Inventory.Stock;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.dialog.ReplyBook;
import dev.chatbot.dialog.Turn;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.search.FacetSearch;
import dev.chatbot.search.FacetSearch.Near;
import dev.chatbot.search.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Shows search results a page at a time: the carousel first, then one short line saying what it is with chips to
 * refine. With no exact match it says why, shows the nearest alternatives and offers to let the relaxed wishes go.
 */
final class Results {

  static final int PAGE_SIZE = 10;
  private static final ReplyBook SAY = ShopAssistant.SAY;
  static final String SHOW_RESULTS = "SHOW_RESULTS";
  private static final QuickReply SHOW_MORE = QuickReply.of("Show more", Reply.MORE_PAYLOAD);
  private static final QuickReply MY_CART = QuickReply.of("My cart", "CART");
  private static final QuickReply START_OVER = QuickReply.of("Start over", "START_OVER");

  private final FacetSearch<Shoe, Slot> search;
  private final ShoeCards cards;

  Results(Catalog catalog, ShoeCards cards) {
    this.search = catalog.search();
    this.cards = cards;
  }

  List<Reply> show(Turn turn, Stock stock) {
    boolean cartHasItems = !turn.get(Session.CART).lines().isEmpty();
    Wanted wanted = turn.get(Session.WANTED);
    int page = turn.get(Session.PAGE);
    List<Shoe> exact = exact(wanted, stock);
    if (exact.isEmpty()) {
      return noMatch(turn, wanted, page, stock);
    }
    String size = Describe.size(wanted);
    Page<Shoe> shown = Page.of(exact, page, PAGE_SIZE);
    if (shown.pastTheEnd()) {
      turn.set(Session.PAGE, Math.max(0, page - 1));
      return List.of(Reply.quickReplies(SAY.text("allShown", "count", exact.size(), "size", size),
          letGoChips(wanted, cartHasItems)));
    }
    turn.set(Session.SHOWN, shown.items().stream().map(Shoe::sku).toArray(String[]::new));
    int count = shown.items().size();
    Reply line = SAY.reply(page > 0 ? "nextPage" : shown.more() ? "top" : "found", "found", exact.size() == 1
        ? "1 pair of" : exact.size(), "count", exact.size(), "shown", count, "from", shown.from() + 1, "to",
        shown.from() + count, "what", Describe.shoes(wanted), "size", size, "order",
        wanted.byPrice() ? ", cheapest first" : "", "more", shown.more() ? Reply.MORE_PAYLOAD : "",
        "checkout", cartHasItems ? Checkout.CHECKOUT : "", "myCart", cartHasItems ? "CART" : "");
    return List.of(Reply.cards(cards.cards(shown.items(), wanted.size(), stock)), line);
  }

  private List<Reply> noMatch(Turn turn, Wanted wanted, int page, Stock stock) {
    String size = Describe.size(wanted);
    String why = SAY.text(search.exact(wanted, shoe -> shoe.madeIn(wanted.size()), Catalog.order(wanted))
        .isEmpty() ? "noneOf" : "allSoldOut", "what", Describe.shoes(wanted), "size", size);
    List<Near<Shoe, Slot>> near = search.closest(wanted, shoe -> shoe.left(stock, wanted.size()) > 0,
        Catalog.order(wanted));
    if (near.isEmpty()) {
      turn.set(Session.SHOWN, null);
      return nearestSizes(wanted, stock, why);
    }
    Page<Near<Shoe, Slot>> shown = Page.of(near, page, PAGE_SIZE);
    if (shown.pastTheEnd()) {
      turn.set(Session.PAGE, Math.max(0, page - 1));
      return List.of(Reply.quickReplies(SAY.text("everyClose", "size", size), letGoChips(wanted, false)));
    }
    List<Shoe> shoes = shown.items().stream().map(Near::item).toList();
    turn.set(Session.SHOWN, shoes.stream().map(Shoe::sku).toArray(String[]::new));
    Set<Slot> relaxed = new LinkedHashSet<>();
    shown.items().forEach(n -> relaxed.addAll(n.missed()));
    String intro = page == 0 ? SAY.text("closest", "why", why, "compromise", Describe.compromise(near.get(0).missed()))
        : SAY.text("moreClose", "size", size);
    List<QuickReply> chips = new ArrayList<>();
    if (shown.more()) {
      chips.add(SHOW_MORE);
    }
    Catalog.LEAST_IMPORTANT_FIRST.stream().filter(relaxed::contains).limit(4 - chips.size())
        .forEach(slot -> chips.add(letGo(slot)));
    chips.add(START_OVER);
    return List.of(Reply.text(intro), Reply.cards(cards.cards(shoes, wanted.size(), stock)),
        Reply.quickReplies(SAY.text("widen"), chips));
  }

  /** Nothing at all in this size: the nearest sizes that have what was asked (sandals come in whole sizes). */
  private List<Reply> nearestSizes(Wanted wanted, Stock stock, String why) {
    List<String> sizes = IntStream.of(-1, 1, -2, 2).map(step -> wanted.size() + step)
        .filter(other -> !exact(wanted.withSize(other), stock).isEmpty()).limit(2).mapToObj(SizeChart::format).toList();
    return List.of(sizes.isEmpty() ? SAY.reply("nothingClose", "why", why) : SAY.reply("otherSizes", "why", why,
        "sizes", "size " + String.join(" and size ", sizes), "a", sizes.get(0), "sizeB", sizes.size() > 1
            ? "size " + sizes.get(1) : "", "b", sizes.size() > 1 ? sizes.get(1) : ""));
  }

  /** In stock in the size and meeting every wish. */
  private List<Shoe> exact(Wanted wanted, Stock stock) {
    return search.exact(wanted, shoe -> shoe.left(stock, wanted.size()) > 0, Catalog.order(wanted));
  }

  private static List<QuickReply> letGoChips(Wanted wanted, boolean cartHasItems) {
    List<QuickReply> chips = new ArrayList<>(Stream.of(Slot.COLOUR, Slot.BRAND, Slot.MATERIAL, Slot.FEATURE,
        Slot.PRICE).filter(wanted::asks).map(Results::letGo).toList());
    if (cartHasItems) {
      chips.add(MY_CART);
    }
    chips.add(START_OVER);
    return chips;
  }

  /** The chip that lets a wish go: "Any material", typed as "any material". */
  private static QuickReply letGo(Slot slot) {
    return QuickReply.of(Describe.letGo(slot), Describe.letGo(slot).toLowerCase(Locale.ROOT));
  }
}
