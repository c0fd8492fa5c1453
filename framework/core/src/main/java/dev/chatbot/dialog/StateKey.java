package dev.chatbot.dialog;

import java.util.Objects;

/**
 * A typed piece of state: a name, a type Jackson can read and write (records are ideal), a {@link Scope} and a
 * value to use when none is saved.
 *
 * <pre>{@code
 * static final StateKey<Cart> CART = StateKey.conversation("cart", Cart.class).orElse(Cart.EMPTY);
 * Cart cart = turn.get(CART);
 * turn.set(CART, cart.plus(sku));
 * }</pre>
 */
public record StateKey<T>(String name, Class<T> type, Scope scope, T fallback) {

  public StateKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scope, "scope");
    if (name.startsWith("_")) {
      throw new IllegalArgumentException("state names starting with _ are the framework's: " + name);
    }
  }

  public static <T> StateKey<T> conversation(String name, Class<T> type) {
    return new StateKey<>(name, type, Scope.CONVERSATION, null);
  }

  public static <T> StateKey<T> user(String name, Class<T> type) {
    return new StateKey<>(name, type, Scope.USER, null);
  }

  /** Bot-wide: read with {@code turn.load}, change atomically with {@code turn.change}. */
  public static <T> StateKey<T> bot(String name, Class<T> type) {
    return new StateKey<>(name, type, Scope.BOT, null);
  }

  /** The value {@code get} returns while nothing is saved. */
  public StateKey<T> orElse(T value) {
    return new StateKey<>(name, type, scope, value);
  }
}
