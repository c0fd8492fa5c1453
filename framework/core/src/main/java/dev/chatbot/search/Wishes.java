package dev.chatbot.search;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a user wants of an item, facet by facet ({@code F}, an enum such as colour, brand, price): values any of which
 * will do ("black or brown"), values to leave out ("not suede"), and bounds for a numeric facet ("under $150").
 * A bot's own record of the search implements it, so it keeps its own fields and JSON shape.
 */
public interface Wishes<F> {

  /** The values wanted for {@code facet}, any of which will do; empty when any value will. */
  Set<String> wants(F facet);

  /** The values to leave out for {@code facet}. */
  Set<String> avoids(F facet);

  /** The lowest value allowed for a numeric facet, or null. */
  default Long atLeast(F facet) {
    return null;
  }

  /** The highest value allowed for a numeric facet, or null. */
  default Long atMost(F facet) {
    return null;
  }

  /** Whether these wishes say anything about {@code facet}: a wanted or avoided value, or a bound. */
  default boolean asks(F facet) {
    return !wants(facet).isEmpty() || !avoids(facet).isEmpty() || atLeast(facet) != null || atMost(facet) != null;
  }

  /**
   * Refines wanted and avoided values (both changed in place) with what one message says, never touching the other
   * facets ("in suede" keeps the style). A facet let go ("any colour") loses both, first, so "any colour but black"
   * keeps its "but black"; values said replace their facet's wanted ones and stop being avoided; values said no to
   * are added to the avoided ones and stop being wanted.
   */
  static <F> void refine(Map<F, Set<String>> wants, Map<F, Set<String>> avoids, Map<F, Set<String>> said,
      Map<F, Set<String>> saidNo, Set<F> letGo) {
    letGo.forEach(facet -> {
      wants.remove(facet);
      avoids.remove(facet);
    });
    said.forEach((facet, values) -> {
      wants.put(facet, values);
      avoids.computeIfPresent(facet, (f, avoided) -> without(avoided, values));
    });
    saidNo.forEach((facet, values) -> {
      avoids.merge(facet, values, (old, more) -> {
        Set<String> all = new LinkedHashSet<>(old);
        all.addAll(more);
        return all;
      });
      wants.computeIfPresent(facet, (f, wanted) -> without(wanted, values));
    });
  }

  /** A numeric facet's bounds, either null ("under $150", "between 50 and 100"). */
  record Bounds(Long min, Long max) {

    /**
     * These bounds after a message that says {@code saidMin} and {@code saidMax} (either null) or lets the facet go:
     * a bound said replaces the old one, and the newer bound wins over an old one it contradicts ("over 200" after
     * "under 100" drops the "under 100"), while one message's own range stands as said.
     */
    public Bounds refine(Long saidMin, Long saidMax, boolean letGo) {
      Long low = letGo ? null : saidMin != null ? saidMin : min;
      Long high = letGo ? null : saidMax != null ? saidMax : max;
      boolean crossed = low != null && high != null && low > high;
      return new Bounds(crossed && saidMin == null ? null : low, crossed && saidMax == null ? null : high);
    }
  }

  /** An unmodifiable copy without empty facets, facets in their natural (enum) order: how wishes are kept. */
  static <F extends Comparable<F>> Map<F, Set<String>> frozen(Map<F, Set<String>> values) {
    Map<F, Set<String>> copy = new TreeMap<>();
    values.forEach((facet, set) -> {
      if (set != null && !set.isEmpty()) {
        copy.put(facet, Collections.unmodifiableSet(new LinkedHashSet<>(set)));
      }
    });
    return Collections.unmodifiableMap(copy);
  }

  private static Set<String> without(Set<String> values, Set<String> removed) {
    Set<String> rest = new LinkedHashSet<>(values);
    rest.removeAll(removed);
    return rest.isEmpty() ? null : rest;
  }
}
