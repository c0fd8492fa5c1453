package dev.chatbot.bots.shoeshop;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shoes, as shipped in {@code catalog.json}: read once per JVM ({@link #shared()}) and never changed. The stock
 * the file opens with goes to the bot-wide store on the first start ({@link ShopData#open}); from then on the store
 * holds what is left.
 */
final class Catalog {

  static final String RESOURCE = "catalog.json";

  private final List<Shoe> shoes;
  private final Map<String, Shoe> bySku;
  private final Map<String, JsonObject> openingStock;
  /** Style to the family it belongs to ("oxford" to "dress"); a family is its own. */
  private final Map<String, String> families = new HashMap<>();

  private Catalog(List<Shoe> shoes, Map<String, JsonObject> openingStock) {
    this.shoes = List.copyOf(shoes);
    Map<String, Shoe> index = new LinkedHashMap<>();
    shoes.forEach(shoe -> {
      index.put(shoe.sku(), shoe);
      families.put(shoe.style(), shoe.category());
      families.put(shoe.category(), shoe.category());
    });
    this.bySku = Collections.unmodifiableMap(index);
    this.openingStock = Collections.unmodifiableMap(openingStock);
  }

  /** The JVM's catalog, read from the class path on first use (a blocking read: call it off the event loop once). */
  static Catalog shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final Catalog INSTANCE = parse(Resources.json(RESOURCE));
  }

  static Catalog parse(JsonObject json) {
    List<Shoe> shoes = new ArrayList<>();
    Map<String, JsonObject> openingStock = new LinkedHashMap<>();
    for (Object item : json.getJsonArray("shoes")) {
      JsonObject entry = (JsonObject) item;
      JsonObject stock = entry.getJsonObject("stock");
      JsonObject pairs = new JsonObject();
      List<Integer> sizes = new ArrayList<>();
      stock.forEach(size -> {
        int halves = Sizes.halves(Double.parseDouble(size.getKey()));
        sizes.add(halves);
        pairs.put(Sizes.format(halves), ((Number) size.getValue()).intValue());
      });
      Collections.sort(sizes);
      openingStock.put(entry.getString("sku"), pairs);
      shoes.add(new Shoe(entry.getString("sku"), entry.getString("brand"), entry.getString("name"),
          entry.getString("style"), entry.getString("category"), entry.getString("colour"),
          entry.getString("material"), entry.getString("width", "M"), Math.round(entry.getDouble("price") * 100),
          entry.getDouble("rating", 0.0), entry.getString("description", ""),
          entry.getJsonArray("features", new io.vertx.core.json.JsonArray()).stream().map(String.class::cast)
              .toList(), List.copyOf(sizes)));
    }
    return new Catalog(shoes, openingStock);
  }

  List<Shoe> all() {
    return shoes;
  }

  Shoe find(String sku) {
    return bySku.get(sku);
  }

  /** Each SKU's pairs per size as the catalog file opens with them. */
  Map<String, JsonObject> openingStock() {
    return openingStock;
  }

  /** The family of a style ("oxford" is "dress"); an unknown style is its own family. */
  String family(String style) {
    return families.getOrDefault(style, style);
  }
}
