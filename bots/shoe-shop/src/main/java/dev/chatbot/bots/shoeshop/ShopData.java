package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.commerce.Inventory;
import dev.chatbot.commerce.Inventory.Line;
import dev.chatbot.commerce.Order;
import dev.chatbot.commerce.OrderBook;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * The shop's stock and orders in the bot-wide store ({@code BotVerticle.data()}), on the framework's
 * {@link Inventory} (pairs per SKU and size, an order takes all its lines or none) and {@link OrderBook}.
 */
final class ShopData {

  /** Pairs left, as read for one message: {@code {"JM-CONARD-BRN": {"10.5": 2, ...}}}. */
  record Stock(Inventory.Stock pairs) {

    /** Pairs left of {@code sku} in {@code size} ("10.5"); 0 for a size the model is not made in. */
    int left(String sku, String size) {
      return pairs.left(sku, size);
    }

    int left(String sku, int halves) {
      return left(sku, SizeChart.format(halves));
    }

    boolean inStock(Shoe shoe, int halves) {
      return left(shoe.sku(), halves) > 0;
    }

    List<Integer> sizesInStock(Shoe shoe) {
      return shoe.sizes().stream().filter(size -> inStock(shoe, size)).toList();
    }
  }

  final Inventory inventory;
  /** Order numbers ("SS-100001", unique across instances and restarts) and the orders. */
  final OrderBook orders;

  ShopData(BotDataStore data) {
    this.inventory = new Inventory(data);
    this.orders = new OrderBook(data, "SS-", 100_000);
  }

  /** Puts the catalog's opening stock on the shelves for every shoe not stocked yet (the first start, a new shoe). */
  Future<Stock> open(Catalog catalog) {
    return inventory.open(catalog.openingStock()).map(Stock::new);
  }

  Future<Stock> stock() {
    return inventory.stock().map(Stock::new);
  }

  /** Takes every line's pairs in one atomic update, or none of them (failing with {@code Refused}). */
  Future<Stock> take(List<Line> lines) {
    return inventory.take(lines).map(Stock::new);
  }

  /** Cancels the shopper's own order and puts its pairs back on the shelves; refused if not theirs or done. */
  Future<Order> cancel(String number, String userKey) {
    return orders.cancel(number, userKey).map(json -> json.mapTo(Order.class))
        .compose(order -> inventory.putBack(order.lines()).map(order));
  }
}
