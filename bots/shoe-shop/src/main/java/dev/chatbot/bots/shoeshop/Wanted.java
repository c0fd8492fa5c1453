package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Slot;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * What the shopper is looking for so far, built up over several messages and kept in conversation state.
 *
 * @param size half sizes (21 = 10.5)
 * @param anyStyle the shopper said any kind of shoe will do (so the bot stops asking which kind)
 * @param byPrice cheapest first, after "cheaper"
 */
record Wanted(String colour, String style, String material, String brand, Integer size, String width,
    Long maxPriceCents, Long minPriceCents, boolean anyStyle, boolean byPrice) {

  static final Wanted NOTHING = new Wanted(null, null, null, null, null, null, null, null, false, false);

  /** Which family a style belongs to: asking for boots after dress shoes starts a new search. */
  private static final Map<String, String> FAMILY = Map.ofEntries(
      Map.entry("dress", "dress"), Map.entry("oxford", "dress"), Map.entry("derby", "dress"),
      Map.entry("loafer", "dress"), Map.entry("monk strap", "dress"),
      Map.entry("boot", "boot"), Map.entry("chelsea boot", "boot"), Map.entry("chukka boot", "boot"),
      Map.entry("hiking boot", "boot"), Map.entry("sneaker", "sneaker"), Map.entry("running", "sneaker"),
      Map.entry("sandal", "sandal"), Map.entry("casual", "casual"), Map.entry("clog", "casual"),
      Map.entry("boat shoe", "casual"), Map.entry("moccasin", "casual"), Map.entry("slip-on", "casual"));

  /** Enough to search on: some idea of the kind of shoe (or "anything"). A size is checked separately. */
  boolean knowsWhatKind() {
    return style != null || brand != null || colour != null || material != null || anyStyle;
  }

  /** This search updated by one message: new values win, "any colour" lets go, a new family starts afresh. */
  Wanted merge(Understanding u) {
    Wanted base = this;
    boolean otherFamily = u.style() != null && style != null
        && !FAMILY.getOrDefault(u.style(), u.style()).equals(FAMILY.getOrDefault(style, style));
    boolean wholeRequest = u.style() != null && u.size() != null;
    if (otherFamily || wholeRequest) {
      // A different kind of shoe, or a whole new request ("black chelsea boots, size 9"): colour, material, brand
      // and budget were about the old search; the feet (size, width) stay.
      base = new Wanted(null, null, null, null, size, width, null, null, false, false);
    }
    String newColour = pick(u.colour(), base.colour, u.cleared().contains(Slot.COLOUR));
    String newStyle = pick(u.style(), base.style, u.cleared().contains(Slot.STYLE));
    String newMaterial = pick(u.material(), base.material, u.cleared().contains(Slot.MATERIAL));
    String newBrand = pick(u.brand(), base.brand, u.cleared().contains(Slot.BRAND));
    String newWidth = pick(u.width(), base.width, u.cleared().contains(Slot.WIDTH));
    boolean anyStyle = u.style() == null && (base.anyStyle || u.cleared().contains(Slot.STYLE));
    Long max = u.cleared().contains(Slot.PRICE) ? null : u.maxPriceCents() != null ? u.maxPriceCents() : base.maxPriceCents;
    Long min = u.cleared().contains(Slot.PRICE) ? null : u.minPriceCents() != null ? u.minPriceCents() : base.minPriceCents;
    if (max != null && min != null && min > max) {
      // The newer limit wins over an old one it contradicts.
      if (u.maxPriceCents() != null) {
        min = null;
      } else {
        max = null;
      }
    }
    Integer newSize = u.size() != null && Sizes.plausible(u.size()) ? u.size() : base.size;
    return new Wanted(newColour, newStyle, newMaterial, newBrand, newSize, newWidth, max, min, anyStyle,
        base.byPrice && !u.cleared().contains(Slot.PRICE));
  }

  private static String pick(String said, String before, boolean cleared) {
    return said != null ? said : cleared ? null : before;
  }

  Wanted withBudget(Long max, boolean cheapestFirst) {
    return new Wanted(colour, style, material, brand, size, width, max, minPriceCents, anyStyle, cheapestFirst);
  }

  /** Without one slot: how the no-match path relaxes the search. */
  Wanted without(Slot slot) {
    return new Wanted(slot == Slot.COLOUR ? null : colour, slot == Slot.STYLE ? null : style,
        slot == Slot.MATERIAL ? null : material, slot == Slot.BRAND ? null : brand, size,
        slot == Slot.WIDTH ? null : width, slot == Slot.PRICE ? null : maxPriceCents,
        slot == Slot.PRICE ? null : minPriceCents, anyStyle || slot == Slot.STYLE, byPrice);
  }

  boolean wants(Slot slot) {
    return switch (slot) {
      case COLOUR -> colour != null;
      case STYLE -> style != null;
      case MATERIAL -> material != null;
      case BRAND -> brand != null;
      case WIDTH -> width != null;
      case PRICE -> maxPriceCents != null || minPriceCents != null;
    };
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    putIf(json, "colour", colour);
    putIf(json, "style", style);
    putIf(json, "material", material);
    putIf(json, "brand", brand);
    putIf(json, "size", size);
    putIf(json, "width", width);
    putIf(json, "maxPrice", maxPriceCents);
    putIf(json, "minPrice", minPriceCents);
    if (anyStyle) {
      json.put("anyStyle", true);
    }
    if (byPrice) {
      json.put("byPrice", true);
    }
    return json;
  }

  static Wanted fromJson(JsonObject json) {
    if (json == null) {
      return NOTHING;
    }
    return new Wanted(json.getString("colour"), json.getString("style"), json.getString("material"),
        json.getString("brand"), json.getInteger("size"), json.getString("width"), json.getLong("maxPrice"),
        json.getLong("minPrice"), json.getBoolean("anyStyle", false), json.getBoolean("byPrice", false));
  }

  private static void putIf(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
