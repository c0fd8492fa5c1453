package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.ShopState.Ask;
import dev.chatbot.bots.shoeshop.ShopState.Line;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Buy, cart and checkout. The shipping address and payment method are asked once and kept in the user's profile,
 * so a returning shopper goes straight to "Ship to …, pay with … — confirm?". Stock is taken only when the order is
 * confirmed, all lines or none, and a pair that sold out in the meantime is explained and dropped from the cart.
 */
final class Checkout {

  static final String QUANTITY = "QTY:";
  static final String CHECKOUT = "CHECKOUT";
  static final String KEEP_SHOPPING = "KEEP_SHOPPING";
  static final String CONFIRM = "CONFIRM";
  static final String CHANGE_ADDRESS = "CHANGE_ADDRESS";
  static final String CHANGE_PAYMENT = "CHANGE_PAYMENT";
  static final String SHIP_TO = "shipTo";
  static final String PAY_WITH = "payWith";

  private static final String ORDER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final Catalog catalog;

  Checkout(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Buy tapped: ask how many (the size is the one searched for). */
  List<Reply> buy(ShopState state, String sku) {
    Shoe shoe = catalog.find(sku);
    if (shoe == null) {
      return List.of(Reply.text("Hmm, I can't find that shoe any more. Tell me what you're looking for and I'll "
          + "show you what I have."));
    }
    Integer size = state.wanted().size();
    state.pendingSku(sku);
    if (size == null || !shoe.sizes().contains(size)) {
      state.ask(Ask.SIZE);
      return List.of(Reply.quickReplies("Good choice! Which size do you need in the " + shoe.fullName() + "?",
          sizeChips(catalog.sizesInStock(shoe))));
    }
    int left = catalog.stock(sku, size);
    if (left == 0) {
      state.pendingSku(null);
      state.ask(null);
      List<Integer> sizes = catalog.sizesInStock(shoe);
      return List.of(Reply.text("Sorry — the " + shoe.fullName() + " just sold out in size " + Sizes.format(size)
          + "." + (sizes.isEmpty() ? "" : " It's still available in " + sizeList(sizes) + ".")));
    }
    state.ask(Ask.QUANTITY);
    List<QuickReply> options = new ArrayList<>();
    for (int count = 1; count <= Math.min(3, left); count++) {
      options.add(QuickReply.of(String.valueOf(count), QUANTITY + count));
    }
    return List.of(Reply.quickReplies("How many pairs of the " + shoe.fullName() + " in size "
        + Sizes.format(size) + " (" + Money.format(shoe.priceCents()) + ")?", options));
  }

  /** The answer to "how many?". */
  List<Reply> quantity(ShopState state, int quantity) {
    Shoe shoe = catalog.find(state.pendingSku());
    Integer size = state.wanted().size();
    if (shoe == null || size == null) {
      state.ask(null);
      state.pendingSku(null);
      return List.of(Reply.text("Sorry, I lost track of which shoe that was. Could you tap Buy again?"));
    }
    int left = catalog.stock(shoe.sku(), size);
    if (quantity < 1) {
      return List.of(Reply.text("How many pairs would you like? Just a number, like 1 or 2."));
    }
    if (quantity > left) {
      return List.of(Reply.quickReplies("I only have " + Describe.pairs(left) + " left in size "
          + Sizes.format(size) + ". How many would you like?", List.of(QuickReply.of(String.valueOf(left),
          QUANTITY + left))));
    }
    List<Line> cart = new ArrayList<>(state.cart());
    int already = 0;
    for (int i = 0; i < cart.size(); i++) {
      Line line = cart.get(i);
      if (line.sku().equals(shoe.sku()) && line.size() == size) {
        already = line.quantity();
        cart.remove(i);
        break;
      }
    }
    int total = Math.min(left, already + quantity);
    cart.add(new Line(shoe.sku(), size, total));
    state.cart(cart);
    state.ask(null);
    state.pendingSku(null);
    return List.of(Reply.quickReplies("Added " + quantity + " × " + shoe.fullName() + " (size " + Sizes.format(size)
        + ") to your cart. " + cartSummary(cart) + " Ready to check out?", List.of(
        QuickReply.of("Checkout", CHECKOUT), QuickReply.of("Keep shopping", KEEP_SHOPPING))));
  }

  List<Reply> showCart(ShopState state) {
    List<Line> cart = state.cart();
    if (cart.isEmpty()) {
      return List.of(Reply.quickReplies("Your cart is empty. Tell me what you're looking for, like \"black "
          + "sneakers size 10\".", List.of(QuickReply.of("Dress shoes", "dress shoes"),
          QuickReply.of("Sneakers", "sneakers"), QuickReply.of("Boots", "boots"))));
    }
    return List.of(Reply.quickReplies("Your cart:\n" + lines(cart) + "\nTotal " + Money.format(total(cart)) + ".",
        List.of(QuickReply.of("Checkout", CHECKOUT), QuickReply.of("Keep shopping", KEEP_SHOPPING),
            QuickReply.of("Empty cart", "EMPTY_CART"))));
  }

  List<Reply> emptyCart(ShopState state) {
    state.cart(List.of());
    if (state.ask() == Ask.CONFIRM || state.ask() == Ask.ADDRESS || state.ask() == Ask.PAYMENT) {
      state.ask(null);
    }
    return List.of(Reply.text("Done — your cart is empty. What would you like to look for?"));
  }

  /** Checkout: ask for whatever is not saved yet, one thing at a time, then confirm. */
  List<Reply> start(ShopState state, JsonObject profile) {
    if (state.cart().isEmpty()) {
      state.ask(null);
      return List.of(Reply.text("Your cart is empty, so there's nothing to check out yet. Tell me what you're "
          + "after and I'll find it."));
    }
    if (profile.getString(SHIP_TO) == null) {
      state.ask(Ask.ADDRESS);
      return List.of(Reply.text("Where should I ship your order? Please type the full address (street, city, "
          + "ZIP)."));
    }
    if (profile.getString(PAY_WITH) == null) {
      return askPayment(state);
    }
    state.ask(Ask.CONFIRM);
    List<Line> cart = state.cart();
    return List.of(Reply.quickReplies("Here's your order:\n" + lines(cart) + "\nTotal " + Money.format(total(cart)) + ".\nShip to "
        + profile.getString(SHIP_TO) + ", pay with " + profile.getString(PAY_WITH) + " — confirm?", List.of(
        QuickReply.of("Confirm", CONFIRM), QuickReply.of("Change address", CHANGE_ADDRESS),
        QuickReply.of("Change payment", CHANGE_PAYMENT), QuickReply.of("Cancel", "CANCEL"))));
  }

  List<Reply> changeAddress(ShopState state) {
    state.ask(Ask.ADDRESS);
    return List.of(Reply.text("Sure — what's the new shipping address?"));
  }

  List<Reply> changePayment(ShopState state) {
    return askPayment(state);
  }

  List<Reply> address(ShopState state, JsonObject profile, String text) {
    String address = text.trim().replaceAll("\\s+", " ");
    if (address.length() < 10 || !address.matches(".*\\d.*") || !address.matches(".*\\p{L}.*")) {
      return List.of(Reply.text("Hmm, that doesn't look like a full address. Please include the street and "
          + "number, the city and the ZIP code."));
    }
    profile.put(SHIP_TO, address.length() > 200 ? address.substring(0, 200) : address);
    return start(state, profile);
  }

  List<Reply> payment(ShopState state, JsonObject profile, String text) {
    PaymentMethod.Reading reading = PaymentMethod.read(text);
    if (reading instanceof PaymentMethod.FullCardNumber) {
      return List.of(Reply.text("Please don't type a full card number in chat — I don't need it. Just the card "
          + "type and its last 4 digits, like \"Visa 4242\"."));
    }
    if (reading instanceof PaymentMethod.Method method) {
      profile.put(PAY_WITH, method.label());
      return start(state, profile);
    }
    return askPayment(state, "Sorry, I didn't catch that. ");
  }

  private List<Reply> askPayment(ShopState state) {
    return askPayment(state, "");
  }

  private List<Reply> askPayment(ShopState state, String prefix) {
    state.ask(Ask.PAYMENT);
    return List.of(Reply.quickReplies(prefix + "How would you like to pay? Pick one, or type your card type and "
        + "last 4 digits, like \"Visa 4242\".", List.of(QuickReply.of("PayPal"), QuickReply.of("Apple Pay"),
        QuickReply.of("Google Pay"))));
  }

  /** Confirmed: take the stock (all lines or none) and place the order. */
  List<Reply> confirm(ShopState state, JsonObject profile) {
    List<Line> cart = state.cart();
    if (cart.isEmpty() || profile.getString(SHIP_TO) == null || profile.getString(PAY_WITH) == null) {
      return start(state, profile);
    }
    List<Line> taken = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Line> kept = new ArrayList<>();
    for (Line line : cart) {
      Shoe shoe = catalog.find(line.sku());
      if (shoe != null && catalog.take(line.sku(), line.size(), line.quantity())) {
        taken.add(line);
        kept.add(line);
        continue;
      }
      int left = shoe == null ? 0 : catalog.stock(line.sku(), line.size());
      String name = shoe == null ? line.sku() : shoe.fullName();
      if (left > 0) {
        problems.add("only " + Describe.pairs(left) + " of the " + name + " in size " + Sizes.format(line.size())
            + " " + (left == 1 ? "is" : "are") + " left, so I've updated your cart");
        kept.add(new Line(line.sku(), line.size(), left));
      } else {
        problems.add("the " + name + " in size " + Sizes.format(line.size())
            + " just sold out, so I've taken it out of your cart");
      }
    }
    if (!problems.isEmpty()) {
      taken.forEach(line -> catalog.putBack(line.sku(), line.size(), line.quantity()));
      state.cart(kept);
      String sorry = "Sorry — " + String.join("; and ", problems) + ".";
      if (kept.isEmpty()) {
        state.ask(null);
        return List.of(Reply.quickReplies(sorry + " Your cart is empty now. Shall I find you something similar?",
            List.of(QuickReply.of("Show me others", SHOW_RESULTS_PAYLOAD), QuickReply.of("Start over", "START_OVER"))));
      }
      List<Reply> replies = new ArrayList<>();
      replies.add(Reply.text(sorry));
      replies.addAll(start(state, profile));
      return replies;
    }
    String order = orderNumber();
    String summary = "Thank you! Order " + order + " is confirmed:\n" + lines(cart) + "\nTotal "
        + Money.format(total(cart)) + ", shipping to " + profile.getString(SHIP_TO) + ", paid with "
        + profile.getString(PAY_WITH) + ". Enjoy your new shoes!";
    state.cart(List.of());
    state.ask(null);
    state.pendingSku(null);
    state.lastOrder(order);
    return List.of(Reply.quickReplies(summary, List.of(QuickReply.of("Keep shopping", KEEP_SHOPPING))));
  }

  static final String SHOW_RESULTS_PAYLOAD = Results.SHOW_RESULTS;

  String cartSummary(List<Line> cart) {
    int pairs = cart.stream().mapToInt(Line::quantity).sum();
    return "Your cart: " + Describe.pairs(pairs) + ", " + Money.format(total(cart)) + ".";
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
          .append(Sizes.format(line.size())).append(" — ").append(Money.format(shoe.priceCents() * line.quantity()));
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

  private static String orderNumber() {
    StringBuilder order = new StringBuilder("SS-");
    for (int i = 0; i < 6; i++) {
      order.append(ORDER_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ORDER_ALPHABET.length())));
    }
    return order.toString();
  }
}
