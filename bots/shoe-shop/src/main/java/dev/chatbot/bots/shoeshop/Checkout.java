package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.commerce.Inventory.Stock;
import dev.chatbot.commerce.Cart;
import dev.chatbot.commerce.Inventory.Line;
import dev.chatbot.commerce.Order;
import dev.chatbot.commerce.Refused;
import dev.chatbot.commerce.Shop;
import dev.chatbot.dialog.Form;
import dev.chatbot.dialog.Prompt;
import dev.chatbot.dialog.ReplyBook;
import dev.chatbot.dialog.Scope;
import dev.chatbot.dialog.Turn;
import dev.chatbot.dialog.When;
import dev.chatbot.dialog.Words;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.PaymentMethods;
import dev.chatbot.nlu.PostalAddresses;
import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.nlu.SizeChart;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Buy, cart and checkout. *Buy* puts one pair in the cart at once (the quantity can be changed after). Checkout is a
 * {@link Form}: the shipping address and payment method are asked once and kept in the shopper's profile, so a
 * returning shopper goes from Buy to Checkout to Confirm; the confirmation can change either. Stock is taken only when
 * the order is confirmed, all lines or none, in one atomic update of the bot-wide store; a pair that sold out in the
 * meantime is explained and dropped from the cart.
 */
final class Checkout {

  static final String QUANTITY = "QTY:";
  static final String CHECKOUT = "CHECKOUT";
  static final String KEEP_SHOPPING = "KEEP_SHOPPING";
  private static final ReplyBook SAY = ShopAssistant.SAY;

  /** What checkout asks; each answer is kept for the shopper's next order. */
  record Delivery(String address, String payment) {}

  private final Catalog catalog;
  private final Shop data;
  final Form<Delivery> form;

  /** {@code elsewhere}: a message the rest of the shop answers mid-checkout (the form then asks again). */
  Checkout(Catalog catalog, Shop data, When elsewhere) {
    this.catalog = catalog;
    this.data = data;
    this.form = Form.of(Delivery.class)
        .slot("address", Prompt.of(SAY.text("askAddress"), PostalAddresses::read)
            .retry(SAY.text("addressAgain"), 20).remember(Scope.USER))
        .slot("payment", Prompt.of("", PaymentMethods::label).asking(SAY.reply("askPayment"))
            .validate(method -> !method.isEmpty(), SAY.text("fullCardNumber"))
            .retry(SAY.text("paymentAgain"), 20).remember(Scope.USER))
        .confirm(this::summary, turn -> turn.reply(SAY.reply("declined")))
        .interruptedBy(elsewhere)
        .onDone(this::place);
  }

  /** Checkout: the form asks for whatever is not saved yet, one thing at a time, then confirms. */
  Future<Void> start(Turn turn) {
    if (turn.get(Session.CART).lines().isEmpty()) {
      turn.cancel();
      return turn.reply(SAY.reply("nothingToCheckOut"));
    }
    return turn.begin(form);
  }

  private Reply summary(Turn turn, Delivery delivery) {
    Cart cart = turn.get(Session.CART);
    return SAY.reply("summary", "lines", lines(cart.lines()), "total", total(cart), "address", delivery.address(),
        "payment", delivery.payment());
  }

  /** Buy tapped: one pair in the cart in the size searched for, or the question which size. */
  List<Reply> buy(Turn turn, Stock stock, String sku) {
    Shoe shoe = catalog.find(sku);
    if (shoe == null) {
      return List.of(SAY.reply("shoeGone"));
    }
    Integer size = turn.get(Session.WANTED).size();
    if (size == null || !shoe.madeIn(size)) {
      turn.set(Session.PENDING_SKU, sku);
      turn.set(Session.ASK, Session.Ask.SIZE);
      return List.of(Reply.quickReplies(SAY.text("whichSizeToBuy", "shoe", shoe.fullName()),
          sizeChips(shoe.sizesInStock(stock))));
    }
    turn.set(Session.PENDING_SKU, null);
    if (turn.get(Session.ASK) == Session.Ask.SIZE) {
      turn.set(Session.ASK, null);
    }
    String variant = SizeChart.format(size);
    int already = turn.get(Session.CART).quantity(sku, variant);
    int left = stock.left(sku, variant);
    if (left <= already) {
      List<Integer> sizes = shoe.sizesInStock(stock);
      return List.of(left == 0 ? SAY.reply("soldOutInSize", "shoe", shoe.fullName(), "size", variant, "others",
          sizes.isEmpty() ? "" : SAY.text("stillIn", "sizes", sizeList(sizes)))
          : SAY.reply("lastPairs", "pairs", Words.count(left, "pair"), "shoe", shoe.fullName(), "size", variant));
    }
    Cart cart = turn.update(Session.CART, old -> old.added(new Line(sku, variant, already + 1)));
    return List.of(SAY.reply("added", "shoe", shoe.fullName(), "size", variant, "cart", cartSummary(cart), "next",
        already + 2, "makeIt", left > already + 1 ? QUANTITY + (already + 2) : ""));
  }

  /** "Make it 2": the number of pairs on a cart line (the last added unless another is named). */
  List<Reply> quantity(Turn turn, Stock stock, Line line, int quantity) {
    Shoe shoe = line == null ? null : catalog.find(line.item());
    if (shoe == null) {
      return List.of(SAY.reply("nothingToChange"));
    }
    if (quantity < 1) {
      return remove(turn, line::equals);
    }
    int left = stock.left(line.item(), line.variant());
    if (quantity > left) {
      return List.of(SAY.reply("onlyLeft", "pairs", Words.count(left, "pair"), "shoe", shoe.fullName(), "size",
          line.variant(), "it", left == 1 ? "it" : "all " + left, "left", left));
    }
    Cart cart = turn.update(Session.CART, old -> old.put(new Line(line.item(), line.variant(), quantity)));
    return List.of(SAY.reply("quantitySet", "pairs", Words.count(quantity, "pair"), "shoe", shoe.fullName(), "size",
        line.variant(), "cart", cartSummary(cart)));
  }

  /** Takes the cart lines that {@code which} picks out of the cart and says what went. */
  List<Reply> remove(Turn turn, Predicate<Line> which) {
    Cart before = turn.get(Session.CART);
    List<Line> removed = before.lines().stream().filter(which).toList();
    if (removed.isEmpty()) {
      return List.of(before.lines().isEmpty() ? SAY.reply("alreadyEmpty", "checkout", "")
          : SAY.reply("whichPair", "lines", lines(before.lines()), "checkout", CHECKOUT));
    }
    Cart cart = turn.update(Session.CART, old -> old.without(which));
    String names = String.join(" and ", removed.stream().map(line -> "the " + catalog.find(line.item()).fullName())
        .toList());
    return List.of(SAY.reply("removed", "names", names, "cart", cart.lines().isEmpty() ? SAY.text("nowEmpty")
        : cartSummary(cart), "checkout", cart.lines().isEmpty() ? "" : CHECKOUT));
  }

  List<Reply> showCart(Turn turn) {
    Cart cart = turn.get(Session.CART);
    return List.of(cart.lines().isEmpty() ? SAY.reply("cartEmpty") : SAY.reply("cart", "pairs",
        Words.count(cart.units(), "pair"), "lines", lines(cart.lines()), "total", total(cart)));
  }

  List<Reply> emptyCart(Turn turn) {
    turn.set(Session.CART, null);
    turn.cancel();
    return List.of(SAY.reply("emptied"));
  }

  /** Confirmed: take the stock (all lines or none, atomically) and place the order under a new number. */
  private Future<Void> place(Turn turn, Delivery delivery) {
    List<Line> lines = turn.get(Session.CART).lines();
    if (lines.isEmpty()) {
      return start(turn);
    }
    return data.place(lines, number -> new Order(number, turn.message().user().key(), "confirmed",
            Instant.now().toString(), lines, turn.get(Session.CART).total(this::price), delivery.address(),
            delivery.payment()))
        .compose(order -> turn.reply(placed(turn, order)), refused -> refused instanceof Refused
            ? data.inventory().stock().compose(stock -> soldOut(turn, stock)) : Future.failedFuture(refused));
  }

  private Reply placed(Turn turn, Order order) {
    turn.update(Session.ORDERS, orders -> Stream.concat(Stream.of(orders).skip(Math.max(0, orders.length - 9)),
        Stream.of(order.number())).toArray(String[]::new)); // the last ten
    turn.set(Session.CART, null);
    turn.set(Session.PENDING_SKU, null);
    return SAY.reply("placed", "number", order.number(), "lines", lines(order.lines()), "total",
        PriceLimits.format(order.total()), "address", order.shipTo(), "payment", order.payWith());
  }

  /** Some line could not be covered: say which, fix the cart to what is left, and confirm again if anything is. */
  private Future<Void> soldOut(Turn turn, Stock stock) {
    List<String> problems = new ArrayList<>();
    Cart cart = turn.get(Session.CART);
    for (Line line : cart.lines()) {
      int left = stock.left(line.item(), line.variant());
      String name = "the " + catalog.find(line.item()).fullName() + " in size " + line.variant();
      if (left < line.quantity()) {
        problems.add(left > 0 ? SAY.text("onlyLeftNow", "pairs", Words.count(left, "pair"), "shoe", name, "are",
            left == 1 ? "is" : "are") : SAY.text("soldOutNow", "shoe", name));
        cart = cart.put(new Line(line.item(), line.variant(), left));
      }
    }
    turn.set(Session.CART, cart);
    String sorry = SAY.text("sorry", "problems", String.join("; and ", problems));
    return cart.lines().isEmpty() ? turn.reply(SAY.reply("soldOutAll", "sorry", sorry))
        : turn.reply(Reply.text(sorry)).compose(said -> start(turn)); // confirm again what is left
  }

  /** "Where's my order?": the latest order of this shopper (or the one named), from the bot-wide store. */
  Future<List<Reply>> status(Turn turn, String named) {
    String number = named != null ? named : latestOrder(turn);
    if (number == null) {
      return Future.succeededFuture(List.of(SAY.reply("noOrders")));
    }
    return data.orders().order(number).map(order -> List.of(order == null
        || !turn.message().user().key().equals(order.user()) ? SAY.reply("notYourOrder", "number", number)
        : SAY.reply(order.cancelled() ? "orderCancelled" : "orderConfirmed", "number", number, "lines",
            lines(order.lines()), "total", PriceLimits.format(order.total()), "address", order.shipTo())));
  }

  /** "Can I cancel it?": the order is named and the shopper is asked to confirm; nothing is cancelled yet. */
  List<Reply> askToCancel(Turn turn, String named) {
    String number = named != null ? named : latestOrder(turn);
    if (number == null) {
      return List.of(SAY.reply("noOrderToCancel"));
    }
    turn.set(Session.ASK, Session.Ask.CANCEL_ORDER);
    turn.set(Session.ORDER_TO_CANCEL, number);
    return List.of(SAY.reply("cancelOrder?", "number", number));
  }

  /** Cancels for real: the order is marked cancelled and its pairs go back on the shelves. */
  Future<List<Reply>> cancelOrder(Turn turn, String number) {
    turn.set(Session.ASK, null);
    turn.set(Session.ORDER_TO_CANCEL, null);
    return data.cancel(number, turn.message().user().key()).map(order -> List.of(SAY.reply("orderCancelledNow",
        "number", number, "pairs", Words.count(order.units(), "pair")))).recover(refused -> refused instanceof Refused
        ? Future.succeededFuture(List.of(SAY.reply(refused.getMessage().contains("already") ? "alreadyCancelled"
            : "nothingCancelled", "number", number)))
        : Future.failedFuture(refused));
  }

  static String latestOrder(Turn turn) {
    String[] orders = turn.get(Session.ORDERS);
    return orders.length == 0 ? null : orders[orders.length - 1];
  }

  String cartSummary(Cart cart) {
    return SAY.text("cartSummary", "pairs", Words.count(cart.units(), "pair"), "total", total(cart));
  }

  private String lines(List<Line> lines) {
    return String.join("\n", lines.stream().filter(line -> catalog.find(line.item()) != null).map(line -> "• "
        + line.quantity() + " × " + catalog.find(line.item()).fullName() + ", size " + line.variant() + " — "
        + PriceLimits.format(price(line.item()) * line.quantity())).toList());
  }

  String total(Cart cart) {
    return PriceLimits.format(cart.total(this::price));
  }

  private long price(String sku) {
    Shoe shoe = catalog.find(sku);
    return shoe == null ? 0 : shoe.priceCents();
  }

  static List<QuickReply> sizeChips(List<Integer> sizes) {
    return sizes.stream().limit(11).map(size -> QuickReply.of(SizeChart.format(size), "size " + SizeChart.format(size)))
        .toList();
  }

  static String sizeList(List<Integer> sizes) {
    return String.join(", ", sizes.stream().map(SizeChart::format).toList());
  }
}
