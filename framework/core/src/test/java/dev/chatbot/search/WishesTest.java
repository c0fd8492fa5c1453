package dev.chatbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.search.FacetSearchTest.Facet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WishesTest {

  @Test
  void aRefinementReplacesItsFacetKeepsTheOthersAndDislikesAddUp() {
    Map<Facet, Set<String>> wants = new HashMap<>(Map.of(Facet.KIND, Set.of("mug"), Facet.COLOUR, Set.of("red")));
    Map<Facet, Set<String>> avoids = new HashMap<>(Map.of(Facet.TAG, Set.of("large")));
    // "blue or black, not dishwasher-safe"
    Wishes.refine(wants, avoids, Map.of(Facet.COLOUR, Set.of("blue", "black")), Map.of(Facet.TAG,
        Set.of("dishwasher")), Set.of());
    assertThat(wants).containsEntry(Facet.KIND, Set.of("mug")).containsEntry(Facet.COLOUR, Set.of("blue", "black"));
    assertThat(avoids.get(Facet.TAG)).containsExactly("large", "dishwasher");
    // "not black": no longer wanted either
    Wishes.refine(wants, avoids, Map.of(), Map.of(Facet.COLOUR, Set.of("black")), Set.of());
    assertThat(wants.get(Facet.COLOUR)).containsExactly("blue");
    // "any colour but red": let go first, then the dislike
    Wishes.refine(wants, avoids, Map.of(), Map.of(Facet.COLOUR, Set.of("red")), Set.of(Facet.COLOUR));
    assertThat(wants).doesNotContainKey(Facet.COLOUR);
    assertThat(avoids.get(Facet.COLOUR)).containsExactly("red");
    // "red after all": wanted again, no longer avoided
    Wishes.refine(wants, avoids, Map.of(Facet.COLOUR, Set.of("red")), Map.of(), Set.of());
    assertThat(Wishes.frozen(avoids)).containsOnlyKeys(Facet.TAG);
    assertThat(Wishes.frozen(wants).keySet()).containsExactly(Facet.COLOUR, Facet.KIND);
  }

  @Test
  void aNewBoundReplacesTheOldAndWinsOverOneItContradicts() {
    Wishes.Bounds under100 = new Wishes.Bounds(null, 100L);
    assertThat(under100.refine(50L, null, false)).as("at least 50 too").isEqualTo(new Wishes.Bounds(50L, 100L));
    assertThat(under100.refine(200L, null, false)).as("over 200: the old ceiling goes")
        .isEqualTo(new Wishes.Bounds(200L, null));
    assertThat(new Wishes.Bounds(200L, null).refine(null, 80L, false)).isEqualTo(new Wishes.Bounds(null, 80L));
    assertThat(under100.refine(50L, 80L, false)).isEqualTo(new Wishes.Bounds(50L, 80L));
    assertThat(under100.refine(null, null, true)).as("any price").isEqualTo(new Wishes.Bounds(null, null));
  }
}
