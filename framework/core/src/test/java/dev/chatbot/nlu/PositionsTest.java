package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PositionsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"ill take the second one | 2", "buy the first | 1", "the last one please | -1",
      "#3 | 3", "tell me about the 4th | 4", "option 2 | 2", "brown boots | "})
  void readsAPositionInAList(String text, Integer position) {
    assertThat(Positions.position(text)).isEqualTo(position);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"the second one | b", "the first | a", "the last one | c", "#3 | c", "#4 | ",
      "the 10th | ", "brown boots | "})
  void picksTheItemAtThePositionNamed(String text, String item) {
    assertThat(Positions.pick(List.of("a", "b", "c"), Positions.position(text))).isEqualTo(item);
    assertThat(Positions.<String>pick(List.of(), Positions.position(text))).as("nothing shown").isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"2 | 2", "two | 2", "a pair | 1", "just one please | 1", "3 pairs | 3",
      "make it 25 | ", "size 10 1/2 | ", "hmm | "})
  void readsSmallCounts(String text, Integer count) {
    assertThat(Positions.count(text)).isEqualTo(count);
  }
}
