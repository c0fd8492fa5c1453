package dev.chatbot.search;

import java.util.Set;

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
}
