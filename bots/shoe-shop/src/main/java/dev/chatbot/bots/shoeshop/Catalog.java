package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.commerce.Inventory;
import dev.chatbot.nlu.ResourceFile;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.search.FacetSearch;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The shoes of {@code catalog.json}, read once per JVM ({@link #shared()}, off the event loop) and never changed,
 * and their search by wishes (the framework's {@link FacetSearch}). The stock the file opens with goes to the
 * bot-wide store on the first start ({@code ShoeShopBot.start}, the framework's {@code Inventory.open}).
 */
final class Catalog implements FacetSearch.Facets<Catalog.Shoe, Slot> {

  /** How much each wish weighs when ranking near matches: a different material is the smallest compromise. */
  static final List<Slot> LEAST_IMPORTANT_FIRST =
      List.of(Slot.MATERIAL, Slot.COLOUR, Slot.FEATURE, Slot.WIDTH, Slot.PRICE, Slot.BRAND, Slot.STYLE);
  /** The catalog's sizes are US men's: how sizes in other systems are read and converted. */
  static final SizeChart SIZES = new SizeChart(ResourceFile.json("shoe-shop/size-chart.json"));
  private static final Comparator<Shoe> BY_PRICE = Comparator.comparingLong(Shoe::priceCents);
  private static final Comparator<Shoe> BY_RATING = Comparator.comparingDouble(Shoe::rating).reversed();

  /**
   * A model in one colour and width, as {@code catalog.json} has it (read by the JSON mapper).
   *
   * @param style the specific style ("oxford"); {@code category} its family ("dress", "boot", "sneaker"...)
   * @param stock the opening stock per US men's size as written ("10.5"): the sizes it is made in
   */
  record Shoe(String sku, String brand, String name, String style, String category, String colour,
      String material, String width, double price, double rating, String description, List<String> features,
      Map<String, Integer> stock) {

    Shoe {
      width = width == null ? "M" : width;
    }

    String fullName() {
      return brand + " " + name;
    }

    long priceCents() {
      return Math.round(price * 100);
    }

    /** The US men's sizes it is made in, in half sizes, ascending. */
    List<Integer> sizes() {
      return stock.keySet().stream().map(size -> SizeChart.halves(Double.parseDouble(size))).sorted().toList();
    }

    boolean madeIn(int halves) {
      return stock.containsKey(SizeChart.format(halves));
    }

    /** Pairs left in a size (in halves), as read for one message; 0 in a size it is not made in. */
    int left(Inventory.Stock pairs, int halves) {
      return pairs.left(sku, SizeChart.format(halves));
    }

    List<Integer> sizesInStock(Inventory.Stock pairs) {
      return sizes().stream().filter(size -> left(pairs, size) > 0).toList();
    }

    /** The specific style or its whole family ("dress", "boot"). */
    boolean isStyle(String wanted) {
      return wanted.equals(style) || wanted.equals(category);
    }

    /** "Chuck" for the "Chuck Taylor All Star Hi". */
    boolean isModel(String model) {
      return name.toLowerCase(Locale.ROOT).contains(model.toLowerCase(Locale.ROOT));
    }
  }

  private final List<Shoe> shoes;
  private final Map<String, Shoe> bySku = new HashMap<>();
  /** Style to its family ("oxford" to "dress"); a family is its own. */
  private final Map<String, String> families = new HashMap<>();
  private final FacetSearch<Shoe, Slot> search;

  Catalog(JsonObject json) {
    shoes = json.getJsonArray("shoes").stream().map(entry -> ((JsonObject) entry).mapTo(Shoe.class)).toList();
    for (Shoe shoe : shoes) {
      bySku.put(shoe.sku(), shoe);
      families.put(shoe.style(), shoe.category());
      families.put(shoe.category(), shoe.category());
    }
    search = new FacetSearch<>(shoes, LEAST_IMPORTANT_FIRST, this);
  }

  /** Only shoes with a pair left in the wanted size are ever offered: the search's {@code available} says so. */
  FacetSearch<Shoe, Slot> search() {
    return search;
  }

  /** A named model first, then best rated (cheapest first after "cheaper"). */
  static Comparator<Shoe> order(Wanted wanted) {
    Comparator<Shoe> order = wanted.byPrice() ? BY_PRICE.thenComparing(BY_RATING) : BY_RATING.thenComparing(BY_PRICE);
    String model = wanted.model();
    return Comparator.comparing((Shoe shoe) -> model != null && !shoe.isModel(model)).thenComparing(order)
        .thenComparing(Shoe::sku);
  }

  @Override
  public Collection<String> values(Shoe shoe, Slot slot) {
    return switch (slot) {
      case STYLE -> List.of(shoe.style(), shoe.category());
      case FEATURE -> shoe.features();
      case COLOUR -> List.of(shoe.colour());
      case MATERIAL -> List.of(shoe.material());
      case BRAND -> List.of(shoe.brand());
      case WIDTH -> List.of(shoe.width());
      case PRICE -> List.of();
    };
  }

  @Override
  public Long number(Shoe shoe, Slot slot) {
    return slot == Slot.PRICE ? shoe.priceCents() : null;
  }

  @Override
  public boolean allOf(Slot slot) {
    return slot == Slot.FEATURE;
  }

  private static final class Holder {
    static final Catalog INSTANCE = new Catalog(ResourceFile.json("catalog.json"));
  }

  /** The JVM's catalog, read from the class path on first use (blocking: first call it off the event loop). */
  static Catalog shared() {
    return Holder.INSTANCE;
  }

  List<Shoe> all() {
    return shoes;
  }

  Shoe find(String sku) {
    return bySku.get(sku);
  }

  /** Each SKU's pairs per size as the catalog file opens with them. */
  Map<String, JsonObject> openingStock() {
    return shoes.stream().collect(Collectors.toMap(Shoe::sku,
        shoe -> new JsonObject(new LinkedHashMap<>(shoe.stock()))));
  }

  /** The family of a style ("oxford" is "dress"); an unknown style is its own family. */
  String family(String style) {
    return families.getOrDefault(style, style);
  }
}
