package dev.chatbot.bots.shoeshop;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shoes and their stock. One per JVM ({@link #shared()}): every bot instance runs on its own event loop and
 * they all sell from the same shelves, so stock is kept in atomic counters that never go below zero.
 */
final class Catalog {

  static final String RESOURCE = "catalog.json";

  private final List<Shoe> shoes;
  private final Map<String, Shoe> bySku;
  private final Map<String, AtomicInteger> stock = new ConcurrentHashMap<>();

  private Catalog(List<Shoe> shoes, Map<String, Integer> initialStock) {
    this.shoes = List.copyOf(shoes);
    Map<String, Shoe> index = new LinkedHashMap<>();
    shoes.forEach(shoe -> index.put(shoe.sku(), shoe));
    this.bySku = Collections.unmodifiableMap(index);
    initialStock.forEach((key, count) -> stock.put(key, new AtomicInteger(count)));
  }

  /** The JVM's catalog, read from the class path on first use (a blocking read: call it off the event loop once). */
  static Catalog shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final Catalog INSTANCE = load(RESOURCE);
  }

  static Catalog load(String resource) {
    try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalog resource " + resource + " is missing");
      }
      return parse(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Catalog parse(JsonObject json) {
    List<Shoe> shoes = new ArrayList<>();
    Map<String, Integer> stock = new LinkedHashMap<>();
    for (Object item : json.getJsonArray("shoes")) {
      JsonObject entry = (JsonObject) item;
      String sku = entry.getString("sku");
      List<Integer> sizes = new ArrayList<>();
      entry.getJsonObject("stock").forEach(size -> {
        int halves = Sizes.halves(Double.parseDouble(size.getKey()));
        sizes.add(halves);
        stock.put(key(sku, halves), ((Number) size.getValue()).intValue());
      });
      Collections.sort(sizes);
      shoes.add(new Shoe(sku, entry.getString("brand"), entry.getString("name"), entry.getString("style"),
          entry.getString("category"), entry.getString("colour"), entry.getString("material"),
          entry.getString("width", "M"), Math.round(entry.getDouble("price") * 100), entry.getDouble("rating", 0.0),
          entry.getString("description", ""), List.copyOf(sizes)));
    }
    return new Catalog(shoes, stock);
  }

  List<Shoe> all() {
    return shoes;
  }

  Shoe find(String sku) {
    return bySku.get(sku);
  }

  /** Pairs left of {@code sku} in {@code halves}; 0 for a size the model is not made in. */
  int stock(String sku, int halves) {
    AtomicInteger count = stock.get(key(sku, halves));
    return count == null ? 0 : count.get();
  }

  boolean inStock(Shoe shoe, int halves) {
    return stock(shoe.sku(), halves) > 0;
  }

  /** Sizes of {@code shoe} with at least one pair left. */
  List<Integer> sizesInStock(Shoe shoe) {
    return shoe.sizes().stream().filter(size -> inStock(shoe, size)).toList();
  }

  /** Takes {@code quantity} pairs if that many are left; never lets stock go below zero. */
  boolean take(String sku, int halves, int quantity) {
    AtomicInteger count = stock.get(key(sku, halves));
    if (count == null) {
      return false;
    }
    while (true) {
      int left = count.get();
      if (left < quantity) {
        return false;
      }
      if (count.compareAndSet(left, left - quantity)) {
        return true;
      }
    }
  }

  /** Puts back pairs taken by {@link #take} (an order that could not complete). */
  void putBack(String sku, int halves, int quantity) {
    AtomicInteger count = stock.get(key(sku, halves));
    if (count != null) {
      count.addAndGet(quantity);
    }
  }

  private static String key(String sku, int halves) {
    return sku + "@" + halves;
  }
}
