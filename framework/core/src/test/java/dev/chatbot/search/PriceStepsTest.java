package dev.chatbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriceStepsTest {

  @Test
  void cheaperIsBelowTheAverageShownInWholeUnits() {
    assertThat(PriceSteps.cheaperThan(List.of(15_000L, 9_000L, 12_500L), null)).isEqualTo(12_100L);
    assertThat(PriceSteps.cheaperThan(List.of(15_000L, 9_000L), 10_000L)).as("under the old budget").isEqualTo(8_500L);
  }

  @Test
  void everythingAtOnePriceMeansAnythingCheaperAndNothingShownKeepsTheBudget() {
    assertThat(PriceSteps.cheaperThan(List.of(8_000L, 8_000L), null)).isEqualTo(7_900L);
    assertThat(PriceSteps.cheaperThan(List.of(), 5_000L)).isEqualTo(5_000L);
    assertThat(PriceSteps.cheaperThan(List.of(), null)).isNull();
  }
}
