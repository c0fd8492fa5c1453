package dev.chatbot.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Searches a fixed list of items by {@link Wishes}. An item meets a facet's wishes when it has one of the wanted
 * values (all of them for an {@linkplain Facets#allOf all-of} facet, like features), none of the avoided ones, and a
 * number within the bounds. {@link #exact} returns the items meeting every wish; when there are none, {@link #closest}
 * ranks the others by the wishes they meet, each weighing by its place in {@code leastImportantFirst}, so the first
 * alternatives give up the least important wish, and says which wishes each one misses. An item with an avoided
 * value is never offered, not even as an alternative: showing what the user said no to is worse than nothing.
 *
 * @param <T> the items, e.g. a catalog's products
 * @param <F> the facets, an enum
 */
public final class FacetSearch<T, F> {

  /** How the items are described: their values per facet. */
  public interface Facets<T, F> {

    /** The item's values for {@code facet} (one, several, or none); ignored for a numeric facet. */
    Collection<String> values(T item, F facet);

    /** The item's number for a numeric facet (a price in cents), or null for a facet of values. */
    default Long number(T item, F facet) {
      return null;
    }

    /** Whether every wanted value must be there (features: "waterproof and lightweight"); else any will do. */
    default boolean allOf(F facet) {
      return false;
    }
  }

  /** A near match and the facets whose wishes it does not meet. */
  public record Near<T, F>(T item, int score, Set<F> missed) {}

  private final List<T> items;
  private final List<F> facets;
  private final Facets<T, F> describe;

  /**
   * @param items the items searched, in a stable order
   * @param leastImportantFirst every facet, the one a user gives up most easily first
   * @param describe the values of an item per facet
   */
  public FacetSearch(List<T> items, List<F> leastImportantFirst, Facets<T, F> describe) {
    this.items = List.copyOf(items);
    this.facets = List.copyOf(leastImportantFirst);
    this.describe = describe;
  }

  /** The items meeting every wish for which {@code available} holds, sorted by {@code order}. */
  public List<T> exact(Wishes<F> wishes, Predicate<T> available, Comparator<? super T> order) {
    List<T> found = new ArrayList<>();
    for (T item : items) {
      // Wishes first: they rule out most items with a few string compares, before availability is asked.
      if (meetsEvery(item, wishes) && available.test(item)) {
        found.add(item);
      }
    }
    found.sort(order);
    return found;
  }

  /**
   * The available items meeting some of the wishes (any item when nothing is asked), with no avoided value: the
   * ones meeting the most important wishes first, then by {@code order}.
   */
  public List<Near<T, F>> closest(Wishes<F> wishes, Predicate<T> available, Comparator<? super T> order) {
    List<Near<T, F>> near = new ArrayList<>();
    boolean asksAnything = facets.stream().anyMatch(wishes::asks);
    for (T item : items) {
      if (!available.test(item) || hasAvoided(item, wishes)) {
        continue;
      }
      Set<F> missed = new LinkedHashSet<>();
      int score = 0;
      for (int i = 0; i < facets.size(); i++) {
        F facet = facets.get(i);
        if (!meets(item, wishes, facet)) {
          missed.add(facet);
        } else if (wishes.asks(facet)) {
          score += i + 1;
        }
      }
      if (score > 0 || !asksAnything) {
        near.add(new Near<>(item, score, missed));
      }
    }
    near.sort(Comparator.<Near<T, F>>comparingInt(Near::score).reversed().thenComparing(Near::item, order));
    return near;
  }

  public boolean meetsEvery(T item, Wishes<F> wishes) {
    for (F facet : facets) {
      if (!meets(item, wishes, facet)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code item} meets the wishes for {@code facet}. */
  public boolean meets(T item, Wishes<F> wishes, F facet) {
    Long number = describe.number(item, facet);
    if (number != null) {
      Long min = wishes.atLeast(facet);
      Long max = wishes.atMost(facet);
      return (min == null || number >= min) && (max == null || number <= max);
    }
    Set<String> wants = wishes.wants(facet);
    Collection<String> values = describe.values(item, facet);
    boolean wanted = wants.isEmpty() || (describe.allOf(facet) ? values.containsAll(wants)
        : wants.stream().anyMatch(values::contains));
    return wanted && wishes.avoids(facet).stream().noneMatch(values::contains);
  }

  private boolean hasAvoided(T item, Wishes<F> wishes) {
    for (F facet : facets) {
      Set<String> avoids = wishes.avoids(facet);
      if (!avoids.isEmpty() && avoids.stream().anyMatch(describe.values(item, facet)::contains)) {
        return true;
      }
    }
    return false;
  }
}
