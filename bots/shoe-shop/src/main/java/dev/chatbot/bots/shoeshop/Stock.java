package dev.chatbot.bots.shoeshop;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Pairs left, as read from the bot-wide store for one message: {@code {"JM-CONARD-BRN": {"10.5": 2, ...}}}, sizes
 * written the catalog's way. A read view only; stock changes through {@link ShopData#take}.
 */
final class Stock {

  private final JsonObject pairs;

  Stock(JsonObject pairs) {
    this.pairs = pairs;
  }

  /** Pairs left of {@code sku} in {@code halves}; 0 for a size the model is not made in. */
  int left(String sku, int halves) {
    JsonObject sizes = pairs.getJsonObject(sku);
    if (sizes == null) {
      return 0;
    }
    Object left = sizes.getValue(Sizes.format(halves));
    return left instanceof Number number ? number.intValue() : 0;
  }

  boolean inStock(Shoe shoe, int halves) {
    return left(shoe.sku(), halves) > 0;
  }

  /** Sizes of {@code shoe} with at least one pair left. */
  List<Integer> sizesInStock(Shoe shoe) {
    return shoe.sizes().stream().filter(size -> inStock(shoe, size)).toList();
  }

  JsonObject json() {
    return pairs;
  }
}
