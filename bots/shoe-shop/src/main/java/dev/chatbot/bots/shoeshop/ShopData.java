package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.bots.shoeshop.Session.Line;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The shop's own data in the bot-wide store ({@code BotVerticle.data()}), shared by every instance and replica and
 * durable with a durable store: the stock (one key, so an order takes all its lines or none in one atomic update),
 * the order counter and each order.
 */
final class ShopData {

  static final String STOCK = "stock";
  static final String COUNTER = "order-counter";
  static final String ORDER = "order:";
  /** Order numbers start here, so every one has six digits ("SS-100001"). */
  private static final long FIRST_ORDER = 100_000;

  /** Refused: a line the stock cannot cover, an order that is not the shopper's or is already cancelled. */
  static final class Refused extends RuntimeException {
    Refused(String why) {
      super(why, null, false, false);
    }
  }

  /** Pairs left, as read for one message: {@code {"JM-CONARD-BRN": {"10.5": 2, ...}}}. */
  record Stock(JsonObject pairs) {

    /** Pairs left of {@code sku} in {@code halves}; 0 for a size the model is not made in. */
    int left(String sku, int halves) {
      JsonObject sizes = pairs.getJsonObject(sku);
      return sizes != null && sizes.getValue(Sizes.format(halves)) instanceof Number left ? left.intValue() : 0;
    }

    boolean inStock(Shoe shoe, int halves) {
      return left(shoe.sku(), halves) > 0;
    }

    List<Integer> sizesInStock(Shoe shoe) {
      return shoe.sizes().stream().filter(size -> inStock(shoe, size)).toList();
    }
  }

  /** A placed order, as kept under {@code order:<number>}. */
  record Order(String number, String user, String status, String placedAt, List<Line> lines, long total,
      String shipTo, String payWith) {

    boolean cancelled() {
      return "cancelled".equals(status);
    }

    int pairs() {
      return lines.stream().mapToInt(Line::quantity).sum();
    }
  }

  private final BotDataStore data;

  ShopData(BotDataStore data) {
    this.data = data;
  }

  /** Puts the catalog's opening stock on the shelves for every shoe not stocked yet (the first start, a new shoe). */
  Future<Stock> open(Catalog catalog) {
    return data.update(STOCK, stock -> {
      catalog.openingStock().forEach((sku, pairs) -> {
        if (!stock.containsKey(sku)) {
          stock.put(sku, pairs.copy());
        }
      });
      return stock;
    }).map(Stock::new);
  }

  Future<Stock> stock() {
    return data.get(STOCK).map(Stock::new);
  }

  /** Takes every line's pairs in one atomic update, or none of them (failing with {@link Refused}). */
  Future<Stock> take(List<Line> lines) {
    return data.update(STOCK, stock -> {
      Stock now = new Stock(stock);
      for (Line line : lines) {
        if (now.left(line.sku(), line.size()) < line.quantity()) {
          throw new Refused("short of " + line.sku());
        }
      }
      lines.forEach(line -> add(stock, line, -line.quantity()));
      return stock;
    }).map(Stock::new);
  }

  Future<Stock> putBack(List<Line> lines) {
    return data.update(STOCK, stock -> {
      lines.forEach(line -> add(stock, line, line.quantity()));
      return stock;
    }).map(Stock::new);
  }

  /** A new order number, unique across instances and restarts: "SS-100001". */
  Future<String> nextOrderNumber() {
    return data.update(COUNTER, counter -> counter.put("last", counter.getLong("last", 0L) + 1))
        .map(counter -> "SS-" + (FIRST_ORDER + counter.getLong("last")));
  }

  Future<Void> save(Order order) {
    return data.update(ORDER + order.number(), ignored -> JsonObject.mapFrom(order)).mapEmpty();
  }

  /** The order, or null when there is none. */
  Future<Order> order(String number) {
    return data.get(ORDER + number).map(json -> json.isEmpty() ? null : json.mapTo(Order.class));
  }

  /** Cancels the shopper's own order and puts its pairs back on the shelves; refused if not theirs or done. */
  Future<Order> cancel(String number, String userKey) {
    return data.update(ORDER + number, order -> {
      if (order.isEmpty() || !userKey.equals(order.getString("user"))) {
        throw new Refused("no order " + number);
      }
      if ("cancelled".equals(order.getString("status"))) {
        throw new Refused("order " + number + " is already cancelled");
      }
      return order.put("status", "cancelled");
    }).map(json -> json.mapTo(Order.class)).compose(order -> putBack(order.lines()).map(order));
  }

  private static void add(JsonObject stock, Line line, int pairs) {
    JsonObject sizes = stock.getJsonObject(line.sku());
    String size = Sizes.format(line.size());
    if (sizes != null && sizes.containsKey(size)) {
      sizes.put(size, sizes.getInteger(size) + pairs);
    }
  }
}
