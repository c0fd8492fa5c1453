package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTableTest {

  private final PhraseTable<String> table = new PhraseTable<String>().put("black", "black").put("blk", "black")
      .put("navy blue", "navy").put("boot", "boot").put("slip-on", "slip-on").put("blk", "not this one");

  @Test
  void findsTheLongestPhraseFirstAndClauseBreaks() {
    List<String> words = PhraseTable.words("blk boots, not navy blue!");
    assertThat(words).containsExactly("blk", "boots", ",", "not", "navy", "blue", ",");
    assertThat(table.scan(words)).containsExactly(new PhraseTable.Hit<>("black", "blk", 0, 1),
        new PhraseTable.Hit<>("boot", "boots", 1, 2), new PhraseTable.Hit<>(null, ",", 2, 3),
        new PhraseTable.Hit<>("navy", "navy blue", 4, 6), new PhraseTable.Hit<>(null, ",", 6, 7));
  }

  @Test
  void readsGroupsOfPhrasesFromData() {
    PhraseTable<String> table = new PhraseTable<String>()
        .putAll(new JsonObject("{\"black\": [\"blk\", \"jet black\"]}"), (name, json) -> name)
        .putAll(new JsonObject("{\"shipping\": {\"phrases\": [\"delivery\"], \"answer\": \"3 days\"}}"),
            (name, json) -> ((JsonObject) json).getString("answer"));
    assertThat(table.scan(PhraseTable.words("jet black, delivery?"))).extracting(PhraseTable.Hit::meaning)
        .containsExactly("black", null, "3 days", null);
  }

  @Test
  void triesPluralsOffAndHyphensAsSpaces() {
    assertThat(table.lookup("boots")).isEqualTo("boot");
    assertThat(table.lookup("slip on")).isEqualTo("slip-on");
    assertThat(table.lookup("blk")).as("the first meaning stays").isEqualTo("black");
    assertThat(table.lookup("bus")).isNull();
  }

  @Test
  void aFullStopEndsAClauseButADecimalPointDoesNot() {
    assertThat(PhraseTable.words("size 10.5. thanks")).containsExactly("size", "10", "5", ",", "thanks");
  }
}
