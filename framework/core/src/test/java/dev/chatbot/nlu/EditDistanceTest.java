package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({"florsheim, florsheim, 0", "florshiem, florsheim, 1", "ballance, balance, 1", "addidas, adidas, 1",
      "cole hann, cole haan, 1", "kitten, sitting, 3", "abc, '', 3"})
  void countsSwapsOfNeighboursAsOneEdit(String a, String b, int distance) {
    assertThat(EditDistance.within(a, b, 5)).isEqualTo(distance);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({"kitten, sitting", "nike, brooks", "a, abcdef"})
  void stopsPastTheLimit(String a, String b) {
    assertThat(EditDistance.within(a, b, 1)).isEqualTo(2);
  }
}
