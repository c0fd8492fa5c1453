package dev.chatbot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void listsJoinTheLastItemWithTheWordGiven() {
    assertThat(Words.list(List.of(), "and")).isEmpty();
    assertThat(Words.list(List.of("red"), "and")).isEqualTo("red");
    assertThat(Words.list(List.of("red", "blue"), "or")).isEqualTo("red or blue");
    assertThat(Words.list(List.of("red", "blue", "green"), "and")).isEqualTo("red, blue and green");
  }

  @Test
  void countsAndCapitals() {
    assertThat(Words.count(1, "pair")).isEqualTo("1 pair");
    assertThat(Words.count(3, "pair")).isEqualTo("3 pairs");
    assertThat(Words.capitalise("brown shoes")).isEqualTo("Brown shoes");
    assertThat(Words.capitalise("")).isEmpty();
  }
}
