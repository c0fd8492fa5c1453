package dev.chatbot.commerce;

import dev.chatbot.commerce.Inventory.Line;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * A shop's {@link Inventory} and {@link OrderBook} in the bot-wide store, and the two steps that change both and
 * are easy to get wrong by hand: placing an order takes its stock first (all lines or none), and cancelling one puts
 * its stock back, once.
 */
public final class Shop {

  private final Inventory inventory;
  private final OrderBook orders;

  /** Order numbers are {@code prefix} followed by {@code first} + 1, + 2... ({@link OrderBook}). */
  public Shop(BotDataStore data, String prefix, long first) {
    this.inventory = new Inventory(data);
    this.orders = new OrderBook(data, prefix, first);
  }

  public Inventory inventory() {
    return inventory;
  }

  public OrderBook orders() {
    return orders;
  }

  /**
   * Takes {@code lines} from the stock in one atomic update (failing with {@link Refused}, nothing taken, when any is
   * short), then keeps the order {@code order} makes of a new number. If it cannot be kept, the stock goes back.
   */
  public Future<Order> place(List<Line> lines, Function<String, Order> order) {
    return inventory.take(lines).compose(taken -> orders.nextNumber().map(order)
        .compose(placed -> orders.save(placed).map(placed))
        .recover(failed -> inventory.putBack(lines).compose(back -> Future.failedFuture(failed))));
  }

  /** Cancels {@code user}'s own order and puts its lines back; {@link Refused} if not theirs or cancelled already. */
  public Future<Order> cancel(String number, String user) {
    return orders.cancel(number, user).map(json -> json.mapTo(Order.class))
        .compose(order -> inventory.putBack(order.lines()).map(order));
  }
}
