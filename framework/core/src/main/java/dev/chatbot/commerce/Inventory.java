package dev.chatbot.commerce;

import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Stock per item and variant (a size, a colour), all under one key of the bot-wide store: {@code {"SKU-1": {"10.5":
 * 2, "11": 0}}}. One key, so {@link #take} takes every line of an order in one atomic update, or none: never more than
 * is left, whichever instance or cluster member sells. A variant the item is not made in has no count and is never sold.
 */
public final class Inventory {

  /** A quantity of one item in one variant. */
  public record Line(String item, String variant, int quantity) {}

  /** The counts as read at one moment. */
  public record Stock(JsonObject counts) {

    /** What is left of {@code item} in {@code variant}; 0 for a variant it is not made in. */
    public int left(String item, String variant) {
      JsonObject variants = counts.getJsonObject(item);
      return variants != null && variants.getValue(variant) instanceof Number left ? left.intValue() : 0;
    }
  }

  private static final String KEY = "stock";
  private final BotDataStore data;

  public Inventory(BotDataStore data) {
    this.data = data;
  }

  /**
   * Puts the opening counts of every item not stocked yet on the shelves: on the first start, and for an item added
   * since. An item already there keeps what is left of it, so a restart never restocks what was sold.
   */
  public Future<Stock> open(Map<String, JsonObject> opening) {
    return data.update(KEY, stock -> {
      opening.forEach((item, counts) -> {
        if (!stock.containsKey(item)) {
          stock.put(item, counts.copy());
        }
      });
      return stock;
    }).map(Stock::new);
  }

  public Future<Stock> stock() {
    return data.get(KEY).map(Stock::new);
  }

  /** Takes every line in one atomic update, or none of them (failing with {@link Refused}, nothing changed). */
  public Future<Stock> take(List<Line> lines) {
    return data.update(KEY, stock -> {
      Stock now = new Stock(stock);
      for (Line line : lines) {
        if (now.left(line.item(), line.variant()) < line.quantity()) {
          throw new Refused("short of " + line.item() + " in " + line.variant());
        }
      }
      lines.forEach(line -> add(stock, line, -line.quantity()));
      return stock;
    }).map(Stock::new);
  }

  /** Puts the lines back on the shelves (an order cancelled or not placed after all). */
  public Future<Stock> putBack(List<Line> lines) {
    return data.update(KEY, stock -> {
      lines.forEach(line -> add(stock, line, line.quantity()));
      return stock;
    }).map(Stock::new);
  }

  private static void add(JsonObject stock, Line line, int quantity) {
    JsonObject variants = stock.getJsonObject(line.item());
    if (variants != null && variants.containsKey(line.variant())) {
      variants.put(line.variant(), variants.getInteger(line.variant()) + quantity);
    }
  }
}
