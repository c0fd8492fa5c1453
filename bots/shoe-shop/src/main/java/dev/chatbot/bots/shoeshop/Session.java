package dev.chatbot.bots.shoeshop;

import dev.chatbot.dialog.StateKey;
import dev.chatbot.dialog.Turn;
import java.util.List;

/**
 * What a conversation keeps between messages, and what its shopper keeps across conversations, as typed state:
 * saved by the framework when a message was handled well, never in the bot's fields.
 */
final class Session {

  /** The question the bot asked and is waiting for an answer to. */
  enum Ask { STYLE, SIZE, SIZE_SYSTEM, ADDRESS, PAYMENT, CONFIRM, CANCEL_ORDER }

  /** One cart line: a shoe, a size (half sizes), a number of pairs. */
  record Line(String sku, int size, int quantity) {}

  /** The cart, and the SKU added last ("make it 2" changes it). */
  record Cart(List<Line> lines, String lastAdded) {
    static final Cart EMPTY = new Cart(List.of(), null);

    Line last() {
      return lines.stream().filter(line -> line.sku().equals(lastAdded)).findFirst()
          .orElse(lines.isEmpty() ? null : lines.get(lines.size() - 1));
    }
  }

  static final StateKey<Wanted> WANTED = StateKey.conversation("want", Wanted.class).orElse(Wanted.NOTHING);
  static final StateKey<Integer> PAGE = StateKey.conversation("page", Integer.class).orElse(0);
  /** The SKUs on the page last shown: "cheaper" means cheaper than these, "the second one" is one of them. */
  static final StateKey<String[]> SHOWN = StateKey.conversation("shown", String[].class).orElse(new String[0]);
  static final StateKey<Ask> ASK = StateKey.conversation("ask", Ask.class);
  /** The shoe tapped Buy on while the bot asks which size. */
  static final StateKey<String> PENDING_SKU = StateKey.conversation("pendingSku", String.class);
  /** A size whose system the bot asked about ("a women's 8 or a men's 8?"), as written. */
  static final StateKey<Integer> UNSURE_SIZE = StateKey.conversation("unsureSize", Integer.class);
  static final StateKey<String> ORDER_TO_CANCEL = StateKey.conversation("orderToCancel", String.class);
  static final StateKey<Cart> CART = StateKey.conversation("cart", Cart.class).orElse(Cart.EMPTY);
  static final StateKey<String> SHIP_TO = StateKey.user("shipTo", String.class);
  static final StateKey<String> PAY_WITH = StateKey.user("payWith", String.class);
  /** The shopper's last ten order numbers, the latest last. */
  static final StateKey<String[]> ORDERS = StateKey.user("orders", String[].class).orElse(new String[0]);

  private static final List<StateKey<?>> SEARCH = List.of(WANTED, PAGE, SHOWN, ASK, PENDING_SKU, UNSURE_SIZE,
      ORDER_TO_CANCEL);

  private Session() {}

  static List<Line> cart(Turn turn) {
    return turn.get(CART).lines();
  }

  static List<String> shown(Turn turn) {
    return List.of(turn.get(SHOWN));
  }

  static void ask(Turn turn, Ask ask) {
    turn.set(ASK, ask);
  }

  /** Forgets the search and any question, keeping the cart. */
  static void clearSearch(Turn turn) {
    SEARCH.forEach(key -> turn.set(key, null));
  }

  /** Forgets everything in this conversation (the saved address and payment stay with the shopper). */
  static void clearAll(Turn turn) {
    clearSearch(turn);
    turn.set(CART, null);
  }
}
