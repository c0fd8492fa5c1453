package dev.chatbot.bots.shoeshop;

import dev.chatbot.commerce.Inventory;
import dev.chatbot.commerce.Order;
import dev.chatbot.commerce.OrderBook;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;

/**
 * The shop's stock and orders in the bot-wide store ({@code BotVerticle.data()}), on the framework's
 * {@link Inventory} (pairs per SKU and size, an order takes all its lines or none) and {@link OrderBook}.
 */
final class ShopData {

  final Inventory inventory;
  /** Order numbers ("SS-100001", unique across instances and restarts) and the orders. */
  final OrderBook orders;

  ShopData(BotDataStore data) {
    this.inventory = new Inventory(data);
    this.orders = new OrderBook(data, "SS-", 100_000);
  }

  /** Puts the catalog's opening stock on the shelves for every shoe not stocked yet (the first start, a new shoe). */
  Future<Inventory.Stock> open(Catalog catalog) {
    return inventory.open(catalog.openingStock());
  }

  /** Cancels the shopper's own order and puts its pairs back on the shelves; refused if not theirs or done. */
  Future<Order> cancel(String number, String userKey) {
    return orders.cancel(number, userKey).map(json -> json.mapTo(Order.class))
        .compose(order -> inventory.putBack(order.lines()).map(order));
  }
}
