package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceFileTest {

  @Test
  void readsAClassPathFileWithOrWithoutTheLeadingSlashAndNamesAMissingOne() {
    assertThat(ResourceFile.text("/shop-nlu.yaml")).isEqualTo(ResourceFile.text("shop-nlu.yaml")).contains("intents");
    assertThatThrownBy(() -> ResourceFile.json("nowhere.json")).hasMessageContaining("/nowhere.json");
  }

  @Test
  void readsWordListsInTheFilesOrder() {
    JsonObject cues = new JsonObject("{\"women\": [\"ladies\", \"her\"], \"men\": [\"men\"]}");
    assertThat(ResourceFile.wordLists(cues)).containsExactly(Map.entry("women", List.of("ladies", "her")),
        Map.entry("men", List.of("men")));
    assertThat(ResourceFile.words(new JsonArray().add("no").add("not"))).containsExactly("no", "not");
  }
}
