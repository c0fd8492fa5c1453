package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.bots.shoeshop.ShopData.Order;
import dev.chatbot.bots.shoeshop.ShopData.Stock;
import dev.chatbot.commerce.Cart;
import dev.chatbot.commerce.Inventory.Line;
import dev.chatbot.commerce.Refused;
import dev.chatbot.dialog.Form;
import dev.chatbot.dialog.Prompt;
import dev.chatbot.dialog.Scope;
import dev.chatbot.dialog.Turn;
import dev.chatbot.dialog.When;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.PaymentMethods;
import dev.chatbot.nlu.PriceLimits;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

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
  static final QuickReply CHECKOUT_CHIP = QuickReply.of("Checkout", CHECKOUT);
  static final QuickReply SHOP_CHIP = QuickReply.of("Keep shopping", KEEP_SHOPPING);
  /** The payment chips: tapping one answers the payment question. */
  static final List<String> WALLETS = List.of("PayPal", "Apple Pay", "Google Pay");
  private static final String ASK_PAYMENT = "How would you like to pay? Pick one, or type your card type and last 4 "
      + "digits, like \"Visa 4242\".";

  /** What checkout asks; each answer is kept for the shopper's next order. */
  record Delivery(String address, String payment) {}

  private final Catalog catalog;
  private final ShopData data;
  final Form<Delivery> form;

  /** {@code elsewhere}: a message the rest of the shop answers mid-checkout (the form then asks again). */
  Checkout(Catalog catalog, ShopData data, When elsewhere) {
    this.catalog = catalog;
    this.data = data;
    this.form = Form.of(Delivery.class)
        .slot("address", Prompt.of("Where should I ship your order? Please type the full address (street, city, "
            + "ZIP).", Checkout::address).retry("Hmm, that doesn't look like a full address. Please include the "
            + "street and number, the city and the ZIP code.", 20).remember(Scope.USER))
        .slot("payment", Prompt.of(ASK_PAYMENT, Checkout::payment)
            .asking(Reply.quickReplies(ASK_PAYMENT, WALLETS.stream().map(QuickReply::of).toList()))
            .validate(method -> !method.isEmpty(), "Please don't type a full card number in chat — I don't need "
                + "it. Just the card type and its last 4 digits, like \"Visa 4242\".")
            .retry("Sorry, I didn't catch that.", 20).remember(Scope.USER))
        .confirm(this::summary, turn -> turn.reply(Reply.quickReplies("No problem, nothing is ordered. Your cart "
            + "is kept for you.", List.of(CHECKOUT_CHIP, SHOP_CHIP))))
        .interruptedBy(elsewhere)
        .onDone(this::place);
  }

  /** A full address has a number and words, ten characters or more; kept to 200. */
  private static String address(String text) {
    String address = text.trim().replaceAll("\\s+", " ");
    boolean full = address.length() >= 10 && address.matches(".*\\d.*") && address.matches(".*\\p{L}.*");
    return full ? address.substring(0, Math.min(200, address.length())) : null;
  }

  /** "Visa ending 4242", "PayPal"; "" for a full card number (refused by the check, so never kept); else null. */
  private static String payment(String text) {
    PaymentMethods.Reading reading = PaymentMethods.read(text);
    return reading instanceof PaymentMethods.Method method ? method.label()
        : reading instanceof PaymentMethods.FullCardNumber ? "" : null;
  }

  /** Checkout: the form asks for whatever is not saved yet, one thing at a time, then confirms. */
  Future<Void> start(Turn turn) {
    if (turn.get(Session.CART).lines().isEmpty()) {
      turn.cancel();
      return turn.reply("Your cart is empty, so there's nothing to check out yet. Tell me what you're after and I'll "
          + "find it.");
    }
    return turn.begin(form);
  }

  private Reply summary(Turn turn, Delivery delivery) {
    Cart cart = turn.get(Session.CART);
    return Reply.quickReplies("Here's your order:\n" + lines(cart.lines()) + "\nTotal " + total(cart) + ".\nShip to "
        + delivery.address() + ", pay with " + delivery.payment() + " — confirm?", List.of(
        QuickReply.of("Confirm", Form.CONFIRM), QuickReply.of("Change address", Form.change("address")),
        QuickReply.of("Change payment", Form.change("payment")), QuickReply.of("Cancel", "CANCEL")));
  }

  /** Buy tapped: one pair in the cart in the size searched for, or the question which size. */
  List<Reply> buy(Turn turn, Stock stock, String sku) {
    Shoe shoe = catalog.find(sku);
    if (shoe == null) {
      return List.of(Reply.text("Hmm, I can't find that shoe any more. Tell me what you're looking for and I'll "
          + "show you what I have."));
    }
    Integer size = turn.get(Session.WANTED).size();
    if (size == null || !shoe.sizes().contains(size)) {
      turn.set(Session.PENDING_SKU, sku);
      Session.ask(turn, Session.Ask.SIZE);
      return List.of(Reply.quickReplies("Good choice! Which size do you need in the " + shoe.fullName()
          + "? (US men's)", sizeChips(stock.sizesInStock(shoe))));
    }
    turn.set(Session.PENDING_SKU, null);
    if (turn.get(Session.ASK) == Session.Ask.SIZE) {
      Session.ask(turn, null);
    }
    String variant = Sizes.format(size);
    int already = turn.get(Session.CART).quantity(sku, variant);
    int left = stock.left(sku, variant);
    if (left <= already) {
      List<Integer> sizes = stock.sizesInStock(shoe);
      return List.of(Reply.text(left == 0
          ? "Sorry — the " + shoe.fullName() + " just sold out in size " + variant + "."
              + (sizes.isEmpty() ? "" : " It's still available in " + sizeList(sizes) + ".")
          : "You already have the last " + Describe.pairs(left) + " of the " + shoe.fullName() + " in size "
              + variant + " in your cart."));
    }
    Cart cart = turn.update(Session.CART, old -> old.added(new Line(sku, variant, already + 1)));
    List<QuickReply> chips = new ArrayList<>(List.of(CHECKOUT_CHIP));
    if (left > already + 1) {
      chips.add(QuickReply.of("Make it " + (already + 2), QUANTITY + (already + 2)));
    }
    chips.add(SHOP_CHIP);
    return List.of(Reply.quickReplies("Added 1 × " + shoe.fullName() + " (size " + variant + ") to your cart. "
        + cartSummary(cart) + " Check out now, or keep looking?", chips));
  }

  /** "Make it 2": the number of pairs on a cart line (the last added unless another is named). */
  List<Reply> quantity(Turn turn, Stock stock, Line line, int quantity) {
    Shoe shoe = line == null ? null : catalog.find(line.item());
    if (shoe == null) {
      return List.of(Reply.text("Your cart is empty, so there's nothing to change yet. Tap Buy on a shoe first."));
    }
    if (quantity < 1) {
      return remove(turn, line::equals);
    }
    int left = stock.left(line.item(), line.variant());
    if (quantity > left) {
      return List.of(Reply.quickReplies("I only have " + Describe.pairs(left) + " of the " + shoe.fullName()
          + " left in size " + line.variant() + ". Want " + (left == 1 ? "it" : "all " + left) + "?",
          List.of(QuickReply.of(String.valueOf(left), QUANTITY + left), CHECKOUT_CHIP)));
    }
    Cart cart = turn.update(Session.CART, old -> old.put(new Line(line.item(), line.variant(), quantity)));
    return List.of(Reply.quickReplies("Done: " + Describe.pairs(quantity) + " of the " + shoe.fullName()
        + " (size " + line.variant() + "). " + cartSummary(cart), List.of(CHECKOUT_CHIP, SHOP_CHIP)));
  }

  /** Takes the cart lines that {@code which} picks out of the cart and says what went. */
  List<Reply> remove(Turn turn, Predicate<Line> which) {
    Cart before = turn.get(Session.CART);
    List<Line> removed = before.lines().stream().filter(which).toList();
    if (removed.isEmpty()) {
      return List.of(Reply.quickReplies(before.lines().isEmpty() ? "Your cart is already empty."
          : "I couldn't tell which pair to take out. Your cart:\n" + lines(before.lines()), cartChips(before)));
    }
    Cart cart = turn.update(Session.CART, old -> old.without(which));
    String names = String.join(" and ", removed.stream().map(line -> "the " + catalog.find(line.item()).fullName())
        .toList());
    return List.of(Reply.quickReplies("Removed " + names + " from your cart. " + (cart.lines().isEmpty()
        ? "Your cart is empty now." : cartSummary(cart)), cartChips(cart)));
  }

  List<Reply> showCart(Turn turn) {
    Cart cart = turn.get(Session.CART);
    if (cart.lines().isEmpty()) {
      return List.of(Reply.quickReplies("Your cart is empty. Tell me what you're looking for, like \"black "
          + "sneakers size 10\".", ShopAssistant.KINDS.subList(0, 3)));
    }
    return List.of(Reply.quickReplies("Your cart (" + Describe.pairs(cart.units()) + "):\n" + lines(cart.lines())
        + "\nTotal " + total(cart) + ".", List.of(CHECKOUT_CHIP, SHOP_CHIP, QuickReply.of("Empty cart",
        "EMPTY_CART"))));
  }

  List<Reply> emptyCart(Turn turn) {
    turn.set(Session.CART, null);
    turn.cancel();
    return List.of(Reply.text("Done — your cart is empty. What would you like to look for?"));
  }

  /** Confirmed: take the stock (all lines or none, atomically) and place the order under a new number. */
  private Future<Void> place(Turn turn, Delivery delivery) {
    List<Line> lines = turn.get(Session.CART).lines();
    if (lines.isEmpty()) {
      return start(turn);
    }
    return data.take(lines).compose(
        taken -> data.nextOrderNumber().compose(number -> {
          Order order = new Order(number, turn.message().user().key(), "confirmed", Instant.now().toString(), lines,
              turn.get(Session.CART).total(this::price), delivery.address(), delivery.payment());
          return data.save(order).compose(saved -> turn.reply(placed(turn, order)));
        }).recover(failed -> data.putBack(lines).compose(back -> Future.failedFuture(failed))),
        refused -> refused instanceof Refused
            ? data.stock().compose(stock -> soldOut(turn, stock))
            : Future.failedFuture(refused));
  }

  private Reply placed(Turn turn, Order order) {
    List<String> orders = new ArrayList<>(Arrays.asList(turn.get(Session.ORDERS)));
    orders.add(order.number());
    turn.set(Session.ORDERS, orders.subList(Math.max(0, orders.size() - 10), orders.size()).toArray(String[]::new));
    turn.set(Session.CART, null);
    turn.set(Session.PENDING_SKU, null);
    return Reply.quickReplies("Thank you! Order " + order.number() + " is confirmed:\n" + lines(order.lines())
        + "\nTotal " + PriceLimits.format(order.total()) + ", shipping to " + order.shipTo() + ", paid with "
        + order.payWith() + ". Enjoy your new shoes!", List.of(SHOP_CHIP, QuickReply.of("Order status",
        "ORDER_STATUS")));
  }

  /** Some line could not be covered: say which, fix the cart to what is left, and confirm again if anything is. */
  private Future<Void> soldOut(Turn turn, Stock stock) {
    List<String> problems = new ArrayList<>();
    Cart cart = turn.get(Session.CART);
    for (Line line : cart.lines()) {
      int left = stock.left(line.item(), line.variant());
      String name = "the " + catalog.find(line.item()).fullName() + " in size " + line.variant();
      if (left < line.quantity()) {
        problems.add(left > 0 ? "only " + Describe.pairs(left) + " of " + name + " " + (left == 1 ? "is" : "are")
            + " left, so I've updated your cart" : name + " just sold out, so I've taken it out of your cart");
        cart = cart.put(new Line(line.item(), line.variant(), left));
      }
    }
    turn.set(Session.CART, cart);
    String sorry = "Sorry — " + String.join("; and ", problems) + ".";
    if (cart.lines().isEmpty()) {
      return turn.reply(Reply.quickReplies(sorry + " Your cart is empty now. Shall I find you something similar?",
          List.of(QuickReply.of("Show me others", Results.SHOW_RESULTS), QuickReply.of("Start over", "START_OVER"))));
    }
    return turn.reply(Reply.text(sorry)).compose(said -> start(turn));
  }

  /** "Where's my order?": the latest order of this shopper (or the one named), from the bot-wide store. */
  Future<List<Reply>> status(Turn turn, String named) {
    String number = named != null ? named : latestOrder(turn);
    if (number == null) {
      return Future.succeededFuture(List.of(Reply.text("I don't see any order from you yet. Once you place one, "
          + "ask me \"where's my order?\" and I'll look it up.")));
    }
    return data.order(number).map(order -> {
      if (order == null || !turn.message().user().key().equals(order.user())) {
        return List.of(Reply.text("I can't find order " + number + " in your orders. Check the number, or say "
            + "\"talk to a person\"."));
      }
      String text = "Order " + number + ":\n" + lines(order.lines()) + "\nTotal " + PriceLimits.format(order.total())
          + (order.cancelled() ? ".\nIt was cancelled, and nothing will ship."
          : ".\nIt's confirmed and ships within 1 business day to " + order.shipTo()
              + "; you'll get the tracking link by email.");
      return List.of(order.cancelled() ? Reply.text(text) : Reply.quickReplies(text, List.of(
          QuickReply.of("Cancel order", "CANCEL_ORDER:" + number), SHOP_CHIP)));
    });
  }

  /** "Can I cancel it?": the order is named and the shopper is asked to confirm; nothing is cancelled yet. */
  List<Reply> askToCancel(Turn turn, String named) {
    String number = named != null ? named : latestOrder(turn);
    if (number == null) {
      return List.of(Reply.text("You have no order to cancel. If you meant the cart, say \"empty cart\"."));
    }
    Session.ask(turn, Session.Ask.CANCEL_ORDER);
    turn.set(Session.ORDER_TO_CANCEL, number);
    return List.of(Reply.quickReplies("Yes, order " + number + " can still be cancelled. Shall I cancel it?",
        List.of(QuickReply.of("Yes, cancel it", "CANCEL_ORDER:" + number),
            QuickReply.of("No, keep it", "KEEP_ORDER"))));
  }

  /** Cancels for real: the order is marked cancelled and its pairs go back on the shelves. */
  Future<List<Reply>> cancelOrder(Turn turn, String number) {
    Session.ask(turn, null);
    turn.set(Session.ORDER_TO_CANCEL, null);
    return data.cancel(number, turn.message().user().key()).map(order -> List.<Reply>of(Reply.quickReplies(
        "Done: order " + number + " is cancelled and nothing will ship. The " + Describe.pairs(order.pairs())
            + " went back on our shelves.", List.of(SHOP_CHIP)))).recover(refused -> refused instanceof Refused
        ? Future.succeededFuture(List.of(Reply.text(refused.getMessage().contains("already")
            ? "Order " + number + " was already cancelled, so there's nothing more to do."
            : "I can't find order " + number + " in your orders, so nothing was cancelled.")))
        : Future.failedFuture(refused));
  }

  static String latestOrder(Turn turn) {
    String[] orders = turn.get(Session.ORDERS);
    return orders.length == 0 ? null : orders[orders.length - 1];
  }

  String cartSummary(Cart cart) {
    return "Your cart: " + Describe.pairs(cart.units()) + ", " + total(cart) + ".";
  }

  private String lines(List<Line> lines) {
    return String.join("\n", lines.stream().filter(line -> catalog.find(line.item()) != null).map(line -> "• "
        + line.quantity() + " × " + catalog.find(line.item()).fullName() + ", size " + line.variant() + " — "
        + PriceLimits.format(price(line.item()) * line.quantity())).toList());
  }

  private String total(Cart cart) {
    return PriceLimits.format(cart.total(this::price));
  }

  private long price(String sku) {
    Shoe shoe = catalog.find(sku);
    return shoe == null ? 0 : shoe.priceCents();
  }

  static List<QuickReply> sizeChips(List<Integer> sizes) {
    return sizes.stream().limit(11).map(size -> QuickReply.of(Sizes.format(size), "size " + Sizes.format(size)))
        .toList();
  }

  static String sizeList(List<Integer> sizes) {
    return String.join(", ", sizes.stream().map(Sizes::format).toList());
  }

  private static List<QuickReply> cartChips(Cart cart) {
    return cart.lines().isEmpty() ? List.of(SHOP_CHIP) : List.of(CHECKOUT_CHIP, SHOP_CHIP);
  }
}
