package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.bots.shoeshop.ShopData.Stock;
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
 * alternatives are the ones that relax the least important wish. A named model comes first either way.
 */
final class ShoeSearch {

  /** How much each wish weighs when ranking near matches; kept in one place because it shapes every "no match". */
  static final List<Slot> LEAST_IMPORTANT_FIRST =
      List.of(Slot.MATERIAL, Slot.COLOUR, Slot.FEATURE, Slot.WIDTH, Slot.PRICE, Slot.BRAND, Slot.STYLE);

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

  /** In stock in the size and meeting every wish; the model first, then best rated (or cheapest) first. */
  List<Shoe> exact(Wanted wanted, Stock stock) {
    List<Shoe> found = new ArrayList<>();
    int size = wanted.size();
    for (Shoe shoe : catalog.all()) {
      // Wishes first: they rule out most shoes with a few string compares, before the stock is read.
      if (meetsEvery(shoe, wanted) && stock.inStock(shoe, size)) {
        found.add(shoe);
      }
    }
    found.sort(order(wanted));
    return found;
  }

  /** In stock in the size and meeting some wishes, most important wishes first. */
  List<Near> closest(Wanted wanted, Stock stock) {
    List<Near> near = new ArrayList<>();
    boolean wantsAnything = LEAST_IMPORTANT_FIRST.stream().anyMatch(wanted::asks);
    for (Shoe shoe : catalog.all()) {
      if (!stock.inStock(shoe, wanted.size())) {
        continue;
      }
      Set<Slot> missed = missed(shoe, wanted);
      if (!wanted.avoids().isEmpty() && isAvoided(shoe, wanted)) {
        continue; // never offer what the shopper said no to: that is worse than offering nothing
      }
      int score = 0;
      for (Slot slot : LEAST_IMPORTANT_FIRST) {
        if (wanted.asks(slot) && !missed.contains(slot)) {
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

  /** Whether {@code shoe} meets the wishes for {@code slot}: one of the wanted values, none of the avoided ones. */
  private static boolean meets(Shoe shoe, Wanted wanted, Slot slot) {
    if (slot == Slot.PRICE) {
      return (wanted.maxPriceCents() == null || shoe.priceCents() <= wanted.maxPriceCents())
          && (wanted.minPriceCents() == null || shoe.priceCents() >= wanted.minPriceCents());
    }
    Set<String> wants = wanted.wants(slot);
    Set<String> avoids = wanted.avoids(slot);
    return switch (slot) {
      case STYLE -> (wants.isEmpty() || wants.stream().anyMatch(shoe::isStyle))
          && avoids.stream().noneMatch(shoe::isStyle);
      case FEATURE -> shoe.features().containsAll(wants) && avoids.stream().noneMatch(shoe.features()::contains);
      default -> {
        String value = switch (slot) {
          case COLOUR -> shoe.colour();
          case MATERIAL -> shoe.material();
          case BRAND -> shoe.brand();
          default -> shoe.width();
        };
        yield (wants.isEmpty() || wants.contains(value)) && !avoids.contains(value);
      }
    };
  }

  private static boolean isAvoided(Shoe shoe, Wanted wanted) {
    for (Slot slot : wanted.avoids().keySet()) {
      Wanted onlyAvoids = new Wanted(java.util.Map.of(), java.util.Map.of(slot, wanted.avoids(slot)), null, null, null,
          null, null, false, false);
      if (!meets(shoe, onlyAvoids, slot)) {
        return true;
      }
    }
    return false;
  }

  private static Comparator<Shoe> order(Wanted wanted) {
    Comparator<Shoe> order = wanted.byPrice() ? CHEAPEST_FIRST : BEST_RATED_FIRST;
    String model = wanted.model();
    return model == null ? order : Comparator.comparing((Shoe shoe) -> !shoe.isModel(model)).thenComparing(order);
  }
}
