package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuzzyNamesTest {

  private static final FuzzyNames NAMES = new FuzzyNames(new LinkedHashMap<>(Map.of(
      "New Balance", List.of("new balance", "nb"), "Florsheim", List.of("florsheim"),
      "Johnston & Murphy", List.of("johnston and murphy"), "Nike", List.of("nike"))));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"new ballance sneakers | New Balance", "newbalance | New Balance",
      "florshiem loafers | Florsheim", "johnson and murphy oxfords | Johnston & Murphy"})
  void forgivesHowPeopleMisspellNames(String text, String name) {
    List<String> words = PhraseTable.words(text);
    assertThat(NAMES.find(words, new boolean[words.size()]).name()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"nikes", "mike", "bike shoes", "new shoes", "balanced diet"})
  void neverReadsOrdinaryWordsAsNames(String text) {
    List<String> words = PhraseTable.words(text);
    assertThat(NAMES.find(words, new boolean[words.size()])).isNull();
  }

  @Test
  void skipsWordsAlreadyUsedAndSaysWhatItCovered() {
    List<String> words = PhraseTable.words("black new ballance 10");
    assertThat(NAMES.find(words, new boolean[words.size()])).isEqualTo(new FuzzyNames.Match("New Balance", 1, 3));
    assertThat(NAMES.find(words, new boolean[] {false, true, false, false})).isNull();
  }
}
