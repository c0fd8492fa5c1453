package dev.chatbot.bots.shoeshop;

import dev.chatbot.commerce.Cart;
import dev.chatbot.dialog.StateKey;
import dev.chatbot.dialog.Turn;
import java.util.List;

/**
 * What a conversation keeps between messages, and what its shopper keeps across conversations, as typed state:
 * saved by the framework when a message was handled well, never in the bot's fields.
 */
final class Session {

  /** The question the bot asked and is waiting for an answer to (checkout's questions are its form's). */
  enum Ask { STYLE, SIZE, SIZE_SYSTEM, CANCEL_ORDER }

  static final StateKey<Wanted> WANTED = StateKey.conversation("want", Wanted.class).orElse(Wanted.NOTHING);
  static final StateKey<Integer> PAGE = StateKey.conversation("page", Integer.class).orElse(0);
  /** The SKUs on the page last shown: "cheaper" means cheaper than these, "the second one" is one of them. */
  static final StateKey<String[]> SHOWN = StateKey.conversation("shown", String[].class).orElse(new String[0]);
  // "question" and "basket": new names for a new shape (the checkout form and the framework's Cart), so state written
  // before them ("ask", "cart") is left unread instead of failing every turn of a conversation in flight.
  static final StateKey<Ask> ASK = StateKey.conversation("question", Ask.class);
  /** The shoe tapped Buy on while the bot asks which size. */
  static final StateKey<String> PENDING_SKU = StateKey.conversation("pendingSku", String.class);
  /** A size whose system the bot asked about ("a women's 8 or a men's 8?"), as written. */
  static final StateKey<Integer> UNSURE_SIZE = StateKey.conversation("unsureSize", Integer.class);
  static final StateKey<String> ORDER_TO_CANCEL = StateKey.conversation("orderToCancel", String.class);
  static final StateKey<Cart> CART = StateKey.conversation("basket", Cart.class).orElse(Cart.EMPTY);
  /** The shopper's last ten order numbers, the latest last. */
  static final StateKey<String[]> ORDERS = StateKey.user("orders", String[].class).orElse(new String[0]);

  private static final List<StateKey<?>> SEARCH = List.of(WANTED, PAGE, SHOWN, ASK, PENDING_SKU, UNSURE_SIZE,
      ORDER_TO_CANCEL);

  private Session() {}

  static List<String> shown(Turn turn) {
    return List.of(turn.get(SHOWN));
  }

  /** Forgets the search and any question, keeping the cart. */
  static void clearSearch(Turn turn) {
    SEARCH.forEach(key -> turn.set(key, null));
  }

  /** Forgets everything in this conversation, checkout included (the saved address and payment stay). */
  static void clearAll(Turn turn) {
    clearSearch(turn);
    turn.set(CART, null);
    turn.cancel();
  }
}
