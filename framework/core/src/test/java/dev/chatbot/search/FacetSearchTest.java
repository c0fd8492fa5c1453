package dev.chatbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FacetSearchTest {

  enum Facet { COLOUR, TAG, PRICE, KIND }

  record Item(String name, String colour, List<String> tags, long price, String kind) {}

  // tag::wishes[]
  /** A search as a bot keeps it: its own record, implementing {@link Wishes}. */
  record Wish(Map<Facet, Set<String>> wants, Map<Facet, Set<String>> avoids, Long max) implements Wishes<Facet> {

    @Override
    public Set<String> wants(Facet facet) {
      return wants.getOrDefault(facet, Set.of());
    }

    @Override
    public Set<String> avoids(Facet facet) {
      return avoids.getOrDefault(facet, Set.of());
    }

    @Override
    public Long atMost(Facet facet) {
      return facet == Facet.PRICE ? max : null;
    }
  }

  private static final List<Item> ITEMS = List.of(
      new Item("red mug", "red", List.of("dishwasher"), 900, "mug"),
      new Item("blue mug", "blue", List.of("dishwasher", "large"), 1200, "mug"),
      new Item("black mug", "black", List.of(), 700, "mug"),
      new Item("blue plate", "blue", List.of("dishwasher"), 1500, "plate"));

  // end::wishes[]
  // tag::search[]
  private final FacetSearch<Item, Facet> search = new FacetSearch<>(ITEMS,
      List.of(Facet.COLOUR, Facet.TAG, Facet.PRICE, Facet.KIND), new FacetSearch.Facets<>() {
        @Override
        public Collection<String> values(Item item, Facet facet) {
          return switch (facet) {
            case COLOUR -> List.of(item.colour());
            case TAG -> item.tags();
            case KIND -> List.of(item.kind());
            case PRICE -> List.of();
          };
        }

        @Override
        public Long number(Item item, Facet facet) {
          return facet == Facet.PRICE ? item.price() : null;
        }

        @Override
        public boolean allOf(Facet facet) {
          return facet == Facet.TAG;
        }
      });
  // end::search[]
  private final Comparator<Item> cheapestFirst = Comparator.comparingLong(Item::price);

  @Test
  void exactMatchesMeetEveryWishAnyOfTheValuesAndAllOfAnAllOfFacet() {
    Wish blueOrRedMugs = new Wish(Map.of(Facet.KIND, Set.of("mug"), Facet.COLOUR, Set.of("blue", "red")), Map.of(),
        null);
    assertThat(search.exact(blueOrRedMugs, item -> true, cheapestFirst)).extracting(Item::name)
        .containsExactly("red mug", "blue mug");
    Wish largeDishwasher = new Wish(Map.of(Facet.TAG, Set.of("dishwasher", "large")), Map.of(), null);
    assertThat(search.exact(largeDishwasher, item -> true, cheapestFirst)).extracting(Item::name)
        .containsExactly("blue mug");
  }

  @Test
  void avoidedValuesBoundsAndAvailabilityRuleItemsOut() {
    Wish mugsNotRedUnder10 = new Wish(Map.of(Facet.KIND, Set.of("mug")), Map.of(Facet.COLOUR, Set.of("red")), 1000L);
    assertThat(search.exact(mugsNotRedUnder10, item -> true, cheapestFirst)).extracting(Item::name)
        .containsExactly("black mug");
    assertThat(search.exact(mugsNotRedUnder10, item -> !item.colour().equals("black"), cheapestFirst)).isEmpty();
  }

  @Test
  void closestGiveUpTheLeastImportantWishFirstSayWhatTheyMissAndNeverShowWhatWasAvoided() {
    // No blue mug under $10: a mug under $10 (colour given up) ranks before a blue item (price and kind given up).
    Wish blueMugUnder10 = new Wish(Map.of(Facet.KIND, Set.of("mug"), Facet.COLOUR, Set.of("blue")),
        Map.of(Facet.TAG, Set.of("large")), 1000L);
    // tag::closest[]
    assertThat(search.exact(blueMugUnder10, item -> true, cheapestFirst)).isEmpty();
    List<FacetSearch.Near<Item, Facet>> near = search.closest(blueMugUnder10, item -> true, cheapestFirst);
    assertThat(near).extracting(n -> n.item().name()).containsExactly("black mug", "red mug", "blue plate");
    assertThat(near.get(0).missed()).containsExactly(Facet.COLOUR);
    // end::closest[]
    assertThat(near.get(2).missed()).containsExactly(Facet.PRICE, Facet.KIND);
  }

  @Test
  void withNothingAskedEveryAvailableItemIsNear() {
    Wish nothing = new Wish(Map.of(), Map.of(), null);
    assertThat(search.closest(nothing, item -> item.price() < 1000, cheapestFirst)).extracting(n -> n.item().name())
        .containsExactly("black mug", "red mug");
    assertThat(nothing.asks(Facet.COLOUR)).isFalse();
  }
}
