package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.bots.shoeshop.Session.Ask;
import dev.chatbot.bots.shoeshop.Session.Cart;
import dev.chatbot.bots.shoeshop.Session.Line;
import dev.chatbot.bots.shoeshop.ShopData.Order;
import dev.chatbot.bots.shoeshop.ShopData.Stock;
import dev.chatbot.commerce.Refused;
import dev.chatbot.dialog.Turn;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.PaymentMethods;
import dev.chatbot.nlu.PriceLimits;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Buy, cart and checkout. *Buy* puts one pair in the cart at once (the quantity can be changed after). The shipping
 * address and payment method are asked once and kept in the user's profile, so a returning shopper goes from Buy to
 * Checkout to Confirm. Stock is taken only when the order is confirmed, all lines or none, in one atomic update of
 * the bot-wide store; a pair that sold out in the meantime is explained and dropped from the cart.
 */
final class Checkout {

  static final String QUANTITY = "QTY:";
  static final String CHECKOUT = "CHECKOUT";
  static final String KEEP_SHOPPING = "KEEP_SHOPPING";
  static final String CONFIRM = "CONFIRM";
  static final String CHANGE_ADDRESS = "CHANGE_ADDRESS";
  static final String CHANGE_PAYMENT = "CHANGE_PAYMENT";
  static final QuickReply CHECKOUT_CHIP = QuickReply.of("Checkout", CHECKOUT);
  static final QuickReply SHOP_CHIP = QuickReply.of("Keep shopping", KEEP_SHOPPING);

  private final Catalog catalog;
  private final ShopData data;

  Checkout(Catalog catalog, ShopData data) {
    this.catalog = catalog;
    this.data = data;
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
      Session.ask(turn, Ask.SIZE);
      return List.of(Reply.quickReplies("Good choice! Which size do you need in the " + shoe.fullName()
          + "? (US men's)", sizeChips(stock.sizesInStock(shoe))));
    }
    turn.set(Session.PENDING_SKU, null);
    if (turn.get(Session.ASK) == Ask.SIZE || turn.get(Session.ASK) == Ask.CONFIRM) {
      Session.ask(turn, null);
    }
    List<Line> cart = new ArrayList<>(Session.cart(turn));
    int already = cart.stream().filter(line -> line.sku().equals(sku) && line.size() == size)
        .mapToInt(Line::quantity).sum();
    int left = stock.left(sku, size);
    if (left <= already) {
      List<Integer> sizes = stock.sizesInStock(shoe);
      return List.of(Reply.text(left == 0
          ? "Sorry — the " + shoe.fullName() + " just sold out in size " + Sizes.format(size) + "."
              + (sizes.isEmpty() ? "" : " It's still available in " + sizeList(sizes) + ".")
          : "You already have the last " + Describe.pairs(left) + " of the " + shoe.fullName() + " in size "
              + Sizes.format(size) + " in your cart."));
    }
    put(cart, new Line(sku, size, already + 1));
    turn.set(Session.CART, new Cart(cart, sku));
    List<QuickReply> chips = new ArrayList<>(List.of(CHECKOUT_CHIP));
    if (left > already + 1) {
      chips.add(QuickReply.of("Make it " + (already + 2), QUANTITY + (already + 2)));
    }
    chips.add(SHOP_CHIP);
    return List.of(Reply.quickReplies("Added 1 × " + shoe.fullName() + " (size " + Sizes.format(size) + ") to your "
        + "cart. " + cartSummary(cart) + " Check out now, or keep looking?", chips));
  }

  /** "Make it 2": the number of pairs on a cart line (the last added unless another is named). */
  List<Reply> quantity(Turn turn, Stock stock, Line line, int quantity) {
    Shoe shoe = line == null ? null : catalog.find(line.sku());
    if (shoe == null) {
      return List.of(Reply.text("Your cart is empty, so there's nothing to change yet. Tap Buy on a shoe first."));
    }
    if (quantity < 1) {
      return remove(turn, other -> other.equals(line));
    }
    int left = stock.left(line.sku(), line.size());
    if (quantity > left) {
      return List.of(Reply.quickReplies("I only have " + Describe.pairs(left) + " of the " + shoe.fullName()
          + " left in size " + Sizes.format(line.size()) + ". Want " + (left == 1 ? "it" : "all " + left) + "?",
          List.of(QuickReply.of(String.valueOf(left), QUANTITY + left), CHECKOUT_CHIP)));
    }
    List<Line> cart = new ArrayList<>(Session.cart(turn));
    put(cart, new Line(line.sku(), line.size(), quantity));
    turn.update(Session.CART, old -> new Cart(cart, old.lastAdded()));
    return List.of(Reply.quickReplies("Done: " + Describe.pairs(quantity) + " of the " + shoe.fullName()
        + " (size " + Sizes.format(line.size()) + "). " + cartSummary(cart), List.of(CHECKOUT_CHIP, SHOP_CHIP)));
  }

  /** Takes the cart lines that {@code which} picks out of the cart and says what went. */
  List<Reply> remove(Turn turn, Predicate<Line> which) {
    List<Line> cart = new ArrayList<>(Session.cart(turn));
    List<Line> removed = cart.stream().filter(which).toList();
    if (removed.isEmpty()) {
      return List.of(Reply.quickReplies(cart.isEmpty() ? "Your cart is already empty."
          : "I couldn't tell which pair to take out. Your cart:\n" + lines(cart), cartChips(cart)));
    }
    cart.removeAll(removed);
    turn.update(Session.CART, old -> new Cart(cart, old.lastAdded()));
    String names = String.join(" and ", removed.stream().map(line -> "the " + catalog.find(line.sku()).fullName())
        .toList());
    return List.of(Reply.quickReplies("Removed " + names + " from your cart. " + (cart.isEmpty()
        ? "Your cart is empty now." : cartSummary(cart)), cartChips(cart)));
  }

  List<Reply> showCart(Turn turn) {
    List<Line> cart = Session.cart(turn);
    if (cart.isEmpty()) {
      return List.of(Reply.quickReplies("Your cart is empty. Tell me what you're looking for, like \"black "
          + "sneakers size 10\".", List.of(QuickReply.of("Dress shoes", "dress shoes"),
          QuickReply.of("Sneakers", "sneakers"), QuickReply.of("Boots", "boots"))));
    }
    int pairs = cart.stream().mapToInt(Line::quantity).sum();
    return List.of(Reply.quickReplies("Your cart (" + Describe.pairs(pairs) + "):\n" + lines(cart) + "\nTotal "
        + PriceLimits.format(total(cart)) + ".",
        List.of(CHECKOUT_CHIP, SHOP_CHIP, QuickReply.of("Empty cart", "EMPTY_CART"))));
  }

  List<Reply> emptyCart(Turn turn) {
    turn.set(Session.CART, null);
    if (List.of(Ask.CONFIRM, Ask.ADDRESS, Ask.PAYMENT).contains(turn.get(Session.ASK))) {
      Session.ask(turn, null);
    }
    return List.of(Reply.text("Done — your cart is empty. What would you like to look for?"));
  }

  /** Checkout: ask for whatever is not saved yet, one thing at a time, then confirm. */
  List<Reply> start(Turn turn) {
    if (Session.cart(turn).isEmpty()) {
      Session.ask(turn, null);
      return List.of(Reply.text("Your cart is empty, so there's nothing to check out yet. Tell me what you're "
          + "after and I'll find it."));
    }
    if (turn.get(Session.SHIP_TO) == null) {
      Session.ask(turn, Ask.ADDRESS);
      return List.of(Reply.text("Where should I ship your order? Please type the full address (street, city, "
          + "ZIP)."));
    }
    if (turn.get(Session.PAY_WITH) == null) {
      return askPayment(turn);
    }
    Session.ask(turn, Ask.CONFIRM);
    List<Line> cart = Session.cart(turn);
    return List.of(Reply.quickReplies("Here's your order:\n" + lines(cart) + "\nTotal "
        + PriceLimits.format(total(cart))
        + ".\nShip to " + turn.get(Session.SHIP_TO) + ", pay with " + turn.get(Session.PAY_WITH) + " — confirm?",
        List.of(QuickReply.of("Confirm", CONFIRM), QuickReply.of("Change address", CHANGE_ADDRESS),
            QuickReply.of("Change payment", CHANGE_PAYMENT), QuickReply.of("Cancel", "CANCEL"))));
  }

  List<Reply> changeAddress(Turn turn) {
    Session.ask(turn, Ask.ADDRESS);
    return List.of(Reply.text("Sure — what's the new shipping address?"));
  }

  List<Reply> address(Turn turn, String text) {
    String address = text.trim().replaceAll("\\s+", " ");
    if (address.length() < 10 || !address.matches(".*\\d.*") || !address.matches(".*\\p{L}.*")) {
      return List.of(Reply.text("Hmm, that doesn't look like a full address. Please include the street and "
          + "number, the city and the ZIP code."));
    }
    turn.set(Session.SHIP_TO, address.length() > 200 ? address.substring(0, 200) : address);
    return start(turn);
  }

  List<Reply> payment(Turn turn, String text) {
    PaymentMethods.Reading reading = PaymentMethods.read(text);
    if (reading instanceof PaymentMethods.FullCardNumber) {
      return List.of(Reply.text("Please don't type a full card number in chat — I don't need it. Just the card "
          + "type and its last 4 digits, like \"Visa 4242\"."));
    }
    if (reading instanceof PaymentMethods.Method method) {
      turn.set(Session.PAY_WITH, method.label());
      return start(turn);
    }
    return askPayment(turn, "Sorry, I didn't catch that. ");
  }

  List<Reply> askPayment(Turn turn, String... sorry) {
    Session.ask(turn, Ask.PAYMENT);
    return List.of(Reply.quickReplies(String.join("", sorry) + "How would you like to pay? Pick one, or type your card type and "
        + "last 4 digits, like \"Visa 4242\".", List.of(QuickReply.of("PayPal"), QuickReply.of("Apple Pay"),
        QuickReply.of("Google Pay"))));
  }

  /** Confirmed: take the stock (all lines or none, atomically) and place the order under a new number. */
  Future<List<Reply>> confirm(Turn turn) {
    String user = turn.message().user().key();
    List<Line> cart = Session.cart(turn);
    if (cart.isEmpty() || turn.get(Session.SHIP_TO) == null || turn.get(Session.PAY_WITH) == null) {
      return Future.succeededFuture(start(turn));
    }
    return data.take(cart).compose(
        taken -> data.nextOrderNumber().compose(number -> {
          Order order = new Order(number, user, "confirmed", java.time.Instant.now().toString(), cart,
              total(cart), turn.get(Session.SHIP_TO), turn.get(Session.PAY_WITH));
          return data.save(order).map(saved -> placed(turn, order));
        }).recover(failed -> data.putBack(cart).compose(back -> Future.failedFuture(failed))),
        refused -> refused instanceof Refused
            ? data.stock().map(stock -> soldOut(turn, stock))
            : Future.failedFuture(refused));
  }

  private List<Reply> placed(Turn turn, Order order) {
    List<Line> cart = Session.cart(turn);
    String number = order.number();
    List<String> orders = new ArrayList<>(Arrays.asList(turn.get(Session.ORDERS)));
    orders.add(number);
    turn.set(Session.ORDERS, orders.subList(Math.max(0, orders.size() - 10), orders.size()).toArray(String[]::new));
    turn.set(Session.CART, null);
    Session.ask(turn, null);
    turn.set(Session.PENDING_SKU, null);
    return List.of(Reply.quickReplies("Thank you! Order " + number + " is confirmed:\n" + lines(cart) + "\nTotal "
        + PriceLimits.format(total(cart)) + ", shipping to " + turn.get(Session.SHIP_TO) + ", paid with "
        + turn.get(Session.PAY_WITH) + ". Enjoy your new shoes!", List.of(SHOP_CHIP,
        QuickReply.of("Order status", "ORDER_STATUS"))));
  }

  /** Some line could not be covered: say which, fix the cart to what is left, and confirm again if anything is. */
  private List<Reply> soldOut(Turn turn, Stock stock) {
    List<String> problems = new ArrayList<>();
    List<Line> kept = new ArrayList<>();
    for (Line line : Session.cart(turn)) {
      int left = stock.left(line.sku(), line.size());
      Shoe shoe = catalog.find(line.sku());
      String name = shoe == null ? line.sku() : shoe.fullName();
      if (left >= line.quantity()) {
        kept.add(line);
      } else if (left > 0) {
        problems.add("only " + Describe.pairs(left) + " of the " + name + " in size " + Sizes.format(line.size())
            + " " + (left == 1 ? "is" : "are") + " left, so I've updated your cart");
        kept.add(new Line(line.sku(), line.size(), left));
      } else {
        problems.add("the " + name + " in size " + Sizes.format(line.size())
            + " just sold out, so I've taken it out of your cart");
      }
    }
    turn.update(Session.CART, old -> new Cart(kept, old.lastAdded()));
    String sorry = "Sorry — " + String.join("; and ", problems) + ".";
    if (kept.isEmpty()) {
      Session.ask(turn, null);
      return List.of(Reply.quickReplies(sorry + " Your cart is empty now. Shall I find you something similar?",
          List.of(QuickReply.of("Show me others", Results.SHOW_RESULTS), QuickReply.of("Start over", "START_OVER"))));
    }
    List<Reply> replies = new ArrayList<>();
    replies.add(Reply.text(sorry));
    replies.addAll(start(turn));
    return replies;
  }

  /** "Where's my order?": the latest order of this shopper (or the one named), from the bot-wide store. */
  Future<List<Reply>> status(Turn turn, String named) {
    String user = turn.message().user().key();
    String number = named != null ? named : latestOrder(turn);
    if (number == null) {
      return Future.succeededFuture(List.of(Reply.text("I don't see any order from you yet. Once you place one, "
          + "ask me \"where's my order?\" and I'll look it up.")));
    }
    return data.order(number).map(order -> {
      if (order == null || !user.equals(order.user())) {
        return List.of(Reply.text("I can't find order " + number + " in your orders. Check the number, or say "
            + "\"talk to a person\"."));
      }
      boolean cancelled = order.cancelled();
      String text = "Order " + number + ":\n" + lines(order.lines()) + "\nTotal " + PriceLimits.format(order.total())
          + (cancelled ? ".\nIt was cancelled, and nothing will ship."
          : ".\nIt's confirmed and ships within 1 business day to " + order.shipTo()
              + "; you'll get the tracking link by email.");
      return List.of(cancelled ? Reply.text(text) : Reply.quickReplies(text, List.of(
          QuickReply.of("Cancel order", "CANCEL_ORDER:" + number), SHOP_CHIP)));
    });
  }

  /** "Can I cancel it?": the order is named and the shopper is asked to confirm; nothing is cancelled yet. */
  List<Reply> askToCancel(Turn turn, String named) {
    String number = named != null ? named : latestOrder(turn);
    if (number == null) {
      return List.of(Reply.text("You have no order to cancel. If you meant the cart, say \"empty cart\"."));
    }
    Session.ask(turn, Ask.CANCEL_ORDER);
    turn.set(Session.ORDER_TO_CANCEL, number);
    return List.of(Reply.quickReplies("Yes, order " + number + " can still be cancelled. Shall I cancel it?",
        List.of(QuickReply.of("Yes, cancel it", "CANCEL_ORDER:" + number),
            QuickReply.of("No, keep it", "KEEP_ORDER"))));
  }

  /** Cancels for real: the order is marked cancelled and its pairs go back on the shelves. */
  Future<List<Reply>> cancelOrder(Turn turn, String number) {
    String user = turn.message().user().key();
    Session.ask(turn, null);
    turn.set(Session.ORDER_TO_CANCEL, null);
    return data.cancel(number, user).map(order -> List.<Reply>of(Reply.quickReplies("Done: order " + number
        + " is cancelled and nothing will ship. The " + Describe.pairs(order.pairs()) + " went back on our shelves.",
        List.of(SHOP_CHIP)))).recover(refused -> refused instanceof Refused
        ? Future.succeededFuture(List.of(Reply.text(refused.getMessage().contains("already")
            ? "Order " + number + " was already cancelled, so there's nothing more to do."
            : "I can't find order " + number + " in your orders, so nothing was cancelled.")))
        : Future.failedFuture(refused));
  }

  static String latestOrder(Turn turn) {
    String[] orders = turn.get(Session.ORDERS);
    return orders.length == 0 ? null : orders[orders.length - 1];
  }

  String cartSummary(List<Line> cart) {
    int pairs = cart.stream().mapToInt(Line::quantity).sum();
    return "Your cart: " + Describe.pairs(pairs) + ", " + PriceLimits.format(total(cart)) + ".";
  }

  String lines(List<Line> cart) {
    StringBuilder text = new StringBuilder();
    for (Line line : cart) {
      Shoe shoe = catalog.find(line.sku());
      if (shoe == null) {
        continue;
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append("• ").append(line.quantity()).append(" × ").append(shoe.fullName()).append(", size ")
          .append(Sizes.format(line.size())).append(" — ")
          .append(PriceLimits.format(shoe.priceCents() * line.quantity()));
    }
    return text.toString();
  }

  long total(List<Line> cart) {
    long total = 0;
    for (Line line : cart) {
      Shoe shoe = catalog.find(line.sku());
      if (shoe != null) {
        total += shoe.priceCents() * line.quantity();
      }
    }
    return total;
  }

  static List<QuickReply> sizeChips(List<Integer> sizes) {
    List<QuickReply> chips = new ArrayList<>();
    for (int size : sizes) {
      if (chips.size() < 11) {
        chips.add(QuickReply.of(Sizes.format(size), "size " + Sizes.format(size)));
      }
    }
    return chips;
  }

  static String sizeList(List<Integer> sizes) {
    return String.join(", ", sizes.stream().map(Sizes::format).toList());
  }

  private static List<QuickReply> cartChips(List<Line> cart) {
    return cart.isEmpty() ? List.of(SHOP_CHIP) : List.of(CHECKOUT_CHIP, SHOP_CHIP);
  }

  /** Replaces the line of the same shoe and size, or adds it at the end. */
  private static void put(List<Line> cart, Line line) {
    for (int i = 0; i < cart.size(); i++) {
      if (cart.get(i).sku().equals(line.sku()) && cart.get(i).size() == line.size()) {
        cart.set(i, line);
        return;
      }
    }
    cart.add(line);
  }
}
