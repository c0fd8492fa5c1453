package dev.chatbot.commerce;

import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders in the bot-wide store, each under {@code order:<number>} as the bot's own JSON with two fields the book
 * reads: {@code user} (whose it is) and {@code status}. Numbers come from one atomic counter, so they are unique
 * across instances, cluster members and restarts: {@code prefix} + (first + n), "SS-100001".
 */
public final class OrderBook {

  public static final String CANCELLED = "cancelled";
  private static final String COUNTER = "order-counter";
  private static final String ORDER = "order:";

  private final BotDataStore data;
  private final String prefix;
  private final long first;
  /** A number as people write it: "SS-100042", "ss100042", "SS 100042" (as many digits as the first one, or more). */
  private final Pattern written;

  /** Numbers are {@code prefix} followed by {@code first} + 1, + 2... */
  public OrderBook(BotDataStore data, String prefix, long first) {
    this.data = data;
    this.prefix = prefix;
    this.first = first;
    String letters = prefix.replaceAll("[^\\p{Alnum}]", "");
    this.written = Pattern.compile("(?i)(?<!\\w)" + Pattern.quote(letters) + "[-#\\s]?(\\d{"
        + String.valueOf(first + 1).length() + ",})\\b");
  }

  /** The order number written in {@code text}, in this book's form ("ss100042" is "SS-100042"), or null. */
  public String numberIn(String text) {
    Matcher number = written.matcher(text);
    return number.find() ? prefix + number.group(1) : null;
  }

  /** A new order number, never given before. */
  public Future<String> nextNumber() {
    return data.update(COUNTER, counter -> counter.put("last", counter.getLong("last", 0L) + 1))
        .map(counter -> prefix + (first + counter.getLong("last")));
  }

  /** Keeps {@code order} (with its {@code user} and {@code status}) under {@code number}. */
  public Future<Void> save(String number, JsonObject order) {
    return data.update(ORDER + number, ignored -> order.copy()).mapEmpty();
  }

  /** The order, or null when there is none. */
  public Future<JsonObject> find(String number) {
    return data.get(ORDER + number).map(json -> json.isEmpty() ? null : json);
  }

  /** Keeps a typed {@link Order} under its number. */
  public Future<Void> save(Order order) {
    return save(order.number(), JsonObject.mapFrom(order));
  }

  /** The typed order, or null when there is none. */
  public Future<Order> order(String number) {
    return find(number).map(json -> json == null ? null : json.mapTo(Order.class));
  }

  /** Marks the order cancelled in one atomic update; {@link Refused} if it is not {@code user}'s or already cancelled. */
  public Future<JsonObject> cancel(String number, String user) {
    return data.update(ORDER + number, order -> {
      if (order.isEmpty() || !user.equals(order.getString("user"))) {
        throw new Refused("no order " + number);
      }
      if (CANCELLED.equals(order.getString("status"))) {
        throw new Refused("order " + number + " is already cancelled");
      }
      return order.put("status", CANCELLED);
    });
  }
}
