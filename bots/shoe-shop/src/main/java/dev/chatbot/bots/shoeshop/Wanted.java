package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.search.Wishes;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What the shopper is looking for so far, built up over several messages and kept in conversation state (as JSON,
 * by the framework: {@link Session#WANTED}).
 *
 * @param wants per slot, the values any of which will do ("black or brown"); features must all be there
 * @param avoids per slot, values to leave out ("not black")
 * @param model a model to show first ("Chuck")
 * @param size US men's half sizes (21 = 10.5)
 * @param sizeAsSaid how the shopper wrote the size when it was converted ("EU 43"), or null
 * @param anyStyle the shopper said any kind of shoe will do (so the bot stops asking which kind)
 * @param byPrice cheapest first, after "cheaper"
 */
record Wanted(Map<Slot, Set<String>> wants, Map<Slot, Set<String>> avoids, String model, Integer size,
    String sizeAsSaid, Long maxPriceCents, Long minPriceCents, boolean anyStyle, boolean byPrice)
    implements Wishes<Slot> {

  static final Wanted NOTHING = new Wanted(Map.of(), Map.of(), null, null, null, null, null, false, false);
  /** The wishes a product switch ("red chucks") drops when the new product cannot meet them. */
  private static final Slot[] ABOUT_THE_PRODUCT = {Slot.STYLE, Slot.MATERIAL, Slot.COLOUR, Slot.FEATURE};

  Wanted {
    wants = Wishes.frozen(wants);
    avoids = Wishes.frozen(avoids);
  }

  /** Enough to search on: some idea of the kind of shoe (or "anything"). A size is checked separately. */
  boolean knowsWhatKind() {
    return anyStyle || model != null || wants.containsKey(Slot.STYLE) || wants.containsKey(Slot.BRAND)
        || wants.containsKey(Slot.COLOUR) || wants.containsKey(Slot.MATERIAL) || wants.containsKey(Slot.FEATURE);
  }

  @Override
  public Set<String> wants(Slot slot) {
    return wants.getOrDefault(slot, Set.of());
  }

  @Override
  public Set<String> avoids(Slot slot) {
    return avoids.getOrDefault(slot, Set.of());
  }

  @Override
  public Long atLeast(Slot slot) {
    return slot == Slot.PRICE ? minPriceCents : null;
  }

  @Override
  public Long atMost(Slot slot) {
    return slot == Slot.PRICE ? maxPriceCents : null;
  }

  /**
   * This search updated by one message. New values replace old ones in their slot and never drop the other slots
   * ("in suede" keeps the style); a dislike is added; "any colour" lets go. A different kind of shoe, or a whole new
   * request with a style and a size, starts afresh keeping the feet (size, width). A switch to another brand or
   * model ("red chucks") drops the wishes that product cannot meet.
   */
  Wanted merge(Understanding u, Catalog catalog) {
    Map<Slot, Set<String>> newWants = new EnumMap<>(Slot.class);
    Map<Slot, Set<String>> newAvoids = new EnumMap<>(Slot.class);
    boolean otherFamily = u.says(Slot.STYLE) && wants.containsKey(Slot.STYLE) && u.said().get(Slot.STYLE).stream()
        .map(catalog::family).noneMatch(family -> wants(Slot.STYLE).stream().map(catalog::family)
            .anyMatch(family::equals));
    boolean fresh = otherFamily || (u.says(Slot.STYLE) && u.size() != null);
    String newModel = fresh ? null : model;
    Wishes.Bounds price = fresh ? new Wishes.Bounds(null, null) : new Wishes.Bounds(minPriceCents, maxPriceCents);
    if (fresh) {
      // Colour, material, brand and budget were about the old search; the feet stay.
      newWants.put(Slot.WIDTH, wants(Slot.WIDTH));
    } else {
      newWants.putAll(wants);
      newAvoids.putAll(avoids);
    }
    if (u.model() != null || (u.says(Slot.BRAND) && !u.said().get(Slot.BRAND).equals(wants(Slot.BRAND)))) {
      newModel = u.model();
      if (!u.says(Slot.STYLE)) {
        dropWhatTheProductCannotMeet(newWants, u, catalog);
      }
    }
    newModel = u.cleared().contains(Slot.BRAND) ? null : newModel;
    Wishes.refine(newWants, newAvoids, u.said(), u.avoided(), u.cleared());
    boolean anyStyle = !u.says(Slot.STYLE) && (this.anyStyle && !fresh || u.cleared().contains(Slot.STYLE));
    price = price.refine(u.minPriceCents(), u.maxPriceCents(), u.cleared().contains(Slot.PRICE));
    boolean sized = u.size() != null && Catalog.SIZES.plausible(u.size());
    return new Wanted(newWants, newAvoids, newModel, sized ? u.size() : size, sized ? u.sizeAsSaid() : sizeAsSaid,
        price.max(), price.min(), anyStyle, byPrice && !fresh && !u.cleared().contains(Slot.PRICE));
  }

  /** Each product wish (style, material, colour, feature) that no shoe of the newly named brand or model meets. */
  private void dropWhatTheProductCannotMeet(Map<Slot, Set<String>> wishes, Understanding u, Catalog catalog) {
    Set<String> brands = u.said().getOrDefault(Slot.BRAND, Set.of());
    for (Slot slot : ABOUT_THE_PRODUCT) {
      if (!wishes.containsKey(slot) || u.says(slot)) {
        continue;
      }
      Wanted only = new Wanted(Map.of(slot, wishes.get(slot)), Map.of(), null, null, null, null, null, false, false);
      boolean someShoe = catalog.all().stream().anyMatch(shoe -> brands.contains(shoe.brand())
          && (u.model() == null || shoe.isModel(u.model())) && catalog.search().meets(shoe, only, slot));
      if (!someShoe) {
        wishes.remove(slot);
      }
    }
  }

  Wanted withBudget(Long max, boolean cheapestFirst) {
    return new Wanted(wants, avoids, model, size, sizeAsSaid, max, minPriceCents, anyStyle, cheapestFirst);
  }

  Wanted withSize(int halves) {
    return new Wanted(wants, avoids, model, halves, null, maxPriceCents, minPriceCents, anyStyle, byPrice);
  }
}
