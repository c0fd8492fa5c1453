package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds shoes for a {@link Wanted}. Only shoes with a pair left in the wanted size are ever offered. Exact matches
 * meet every wish; when there are none, {@link #closest} ranks the rest by the wishes they meet, each weighted by
 * how much it matters (a different material is a smaller compromise than a different kind of shoe), so the first
 * alternatives are the ones that relax the least important wish.
 */
final class ShoeSearch {

  /** How much each wish weighs when ranking near matches; kept in one place because it shapes every "no match". */
  static final List<Slot> LEAST_IMPORTANT_FIRST =
      List.of(Slot.MATERIAL, Slot.COLOUR, Slot.WIDTH, Slot.PRICE, Slot.BRAND, Slot.STYLE);

  private static final Slot[] SLOTS = Slot.values();
  private static final Comparator<Shoe> BY_PRICE = Comparator.comparingLong(Shoe::priceCents);
  private static final Comparator<Shoe> BY_RATING = Comparator.comparingDouble(Shoe::rating).reversed();
  private static final Comparator<Shoe> CHEAPEST_FIRST = BY_PRICE.thenComparing(BY_RATING).thenComparing(Shoe::sku);
  private static final Comparator<Shoe> BEST_RATED_FIRST = BY_RATING.thenComparing(BY_PRICE).thenComparing(Shoe::sku);

  /** A near match and the wishes it does not meet. */
  record Near(Shoe shoe, int score, Set<Slot> missed) {}

  private final Catalog catalog;

  ShoeSearch(Catalog catalog) {
    this.catalog = catalog;
  }

  /** In stock in the size and meeting every wish; best rated first, or cheapest first after "cheaper". */
  List<Shoe> exact(Wanted wanted) {
    List<Shoe> found = new ArrayList<>();
    int size = wanted.size();
    for (Shoe shoe : catalog.all()) {
      // Wishes first: they rule out most shoes with a few string compares, before any stock counter is read.
      if (meetsEvery(shoe, wanted) && catalog.inStock(shoe, size)) {
        found.add(shoe);
      }
    }
    found.sort(order(wanted));
    return found;
  }

  /** In stock in the size and meeting some wishes, most important wishes first. */
  List<Near> closest(Wanted wanted) {
    List<Near> near = new ArrayList<>();
    boolean wantsAnything = LEAST_IMPORTANT_FIRST.stream().anyMatch(wanted::wants);
    for (Shoe shoe : catalog.all()) {
      if (!catalog.inStock(shoe, wanted.size())) {
        continue;
      }
      Set<Slot> missed = missed(shoe, wanted);
      int score = 0;
      for (Slot slot : LEAST_IMPORTANT_FIRST) {
        if (wanted.wants(slot) && !missed.contains(slot)) {
          score += LEAST_IMPORTANT_FIRST.indexOf(slot) + 1;
        }
      }
      if (score > 0 || !wantsAnything) {
        near.add(new Near(shoe, score, missed));
      }
    }
    Comparator<Shoe> within = order(wanted);
    near.sort(Comparator.comparingInt(Near::score).reversed().thenComparing(Near::shoe, within));
    return near;
  }

  /** Whether some shoe meets every wish but has no pair left in the size (so the answer is "sold out"). */
  boolean soldOutInSize(Wanted wanted) {
    for (Shoe shoe : catalog.all()) {
      if (meetsEvery(shoe, wanted) && shoe.sizes().contains(wanted.size())) {
        return true;
      }
    }
    return false;
  }

  static Set<Slot> missed(Shoe shoe, Wanted wanted) {
    Set<Slot> missed = EnumSet.noneOf(Slot.class);
    for (Slot slot : SLOTS) {
      if (!meets(shoe, wanted, slot)) {
        missed.add(slot);
      }
    }
    return missed;
  }

  /** Whether {@code shoe} meets every wish: {@code missed(shoe, wanted).isEmpty()} without building the set. */
  static boolean meetsEvery(Shoe shoe, Wanted wanted) {
    for (Slot slot : SLOTS) {
      if (!meets(shoe, wanted, slot)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code shoe} meets the wish for {@code slot} (a slot not wished for is always met). */
  private static boolean meets(Shoe shoe, Wanted wanted, Slot slot) {
    return switch (slot) {
      case COLOUR -> wanted.colour() == null || wanted.colour().equals(shoe.colour());
      case STYLE -> wanted.style() == null || shoe.isStyle(wanted.style());
      case MATERIAL -> wanted.material() == null || wanted.material().equals(shoe.material());
      case BRAND -> wanted.brand() == null || wanted.brand().equals(shoe.brand());
      case WIDTH -> wanted.width() == null || wanted.width().equals(shoe.width());
      case PRICE -> (wanted.maxPriceCents() == null || shoe.priceCents() <= wanted.maxPriceCents())
          && (wanted.minPriceCents() == null || shoe.priceCents() >= wanted.minPriceCents());
    };
  }

  private static Comparator<Shoe> order(Wanted wanted) {
    return wanted.byPrice() ? CHEAPEST_FIRST : BEST_RATED_FIRST;
  }
}
