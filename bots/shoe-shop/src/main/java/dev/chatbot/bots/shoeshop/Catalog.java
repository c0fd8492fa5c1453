package dev.chatbot.bots.shoeshop;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The shoes and their stock. One per JVM ({@link #shared()}): every bot instance runs on its own event loop and
 * they all sell from the same shelves, so stock is kept in atomic counters that never go below zero.
 */
final class Catalog {

  static final String RESOURCE = "catalog.json";

  private final List<Shoe> shoes;
  private final Map<String, Shoe> bySku;
  /**
   * Pairs left per SKU, indexed by half size (21 = 10.5). Sizes a model is not made in stay at zero. The map never
   * changes after loading, so plain reads are safe; only the counters change, atomically.
   */
  private final Map<String, AtomicIntegerArray> pairsBySku;

  private Catalog(List<Shoe> shoes, Map<String, AtomicIntegerArray> pairsBySku) {
    this.shoes = List.copyOf(shoes);
    Map<String, Shoe> index = new LinkedHashMap<>();
    shoes.forEach(shoe -> index.put(shoe.sku(), shoe));
    this.bySku = Collections.unmodifiableMap(index);
    this.pairsBySku = Map.copyOf(pairsBySku);
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
    Map<String, AtomicIntegerArray> pairsBySku = new HashMap<>();
    for (Object item : json.getJsonArray("shoes")) {
      JsonObject entry = (JsonObject) item;
      String sku = entry.getString("sku");
      Map<Integer, Integer> pairs = new HashMap<>();
      entry.getJsonObject("stock").forEach(size ->
          pairs.put(Sizes.halves(Double.parseDouble(size.getKey())), ((Number) size.getValue()).intValue()));
      List<Integer> sizes = new ArrayList<>(pairs.keySet());
      Collections.sort(sizes);
      AtomicIntegerArray shelf = new AtomicIntegerArray(sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1) + 1);
      pairs.forEach(shelf::set);
      pairsBySku.put(sku, shelf);
      shoes.add(new Shoe(sku, entry.getString("brand"), entry.getString("name"), entry.getString("style"),
          entry.getString("category"), entry.getString("colour"), entry.getString("material"),
          entry.getString("width", "M"), Math.round(entry.getDouble("price") * 100), entry.getDouble("rating", 0.0),
          entry.getString("description", ""), List.copyOf(sizes)));
    }
    return new Catalog(shoes, pairsBySku);
  }

  List<Shoe> all() {
    return shoes;
  }

  Shoe find(String sku) {
    return bySku.get(sku);
  }

  /** Pairs left of {@code sku} in {@code halves}; 0 for a size the model is not made in. */
  int stock(String sku, int halves) {
    AtomicIntegerArray pairs = pairsBySku.get(sku);
    return pairs == null || halves < 0 || halves >= pairs.length() ? 0 : pairs.get(halves);
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
    AtomicIntegerArray pairs = shelf(sku, halves);
    if (pairs == null) {
      return false;
    }
    while (true) {
      int left = pairs.get(halves);
      if (left < quantity) {
        return false;
      }
      if (pairs.compareAndSet(halves, left, left - quantity)) {
        return true;
      }
    }
  }

  /** Puts back pairs taken by {@link #take} (an order that could not complete). */
  void putBack(String sku, int halves, int quantity) {
    AtomicIntegerArray pairs = shelf(sku, halves);
    if (pairs != null) {
      pairs.addAndGet(halves, quantity);
    }
  }

  /** The counters of {@code sku}, or null when there is no such shoe or it is not made in {@code halves}. */
  private AtomicIntegerArray shelf(String sku, int halves) {
    Shoe shoe = bySku.get(sku);
    return shoe == null || !shoe.sizes().contains(halves) ? null : pairsBySku.get(sku);
  }
}
