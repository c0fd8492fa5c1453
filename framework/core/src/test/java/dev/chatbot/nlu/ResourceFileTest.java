package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceFileTest {

  @Test
  void readsAClassPathFileWithOrWithoutTheLeadingSlashAndNamesAMissingOne() {
    assertThat(ResourceFile.text("/shop-nlu.yaml")).isEqualTo(ResourceFile.text("shop-nlu.yaml")).contains("intents");
    assertThatThrownBy(() -> ResourceFile.json("nowhere.json")).hasMessageContaining("/nowhere.json");
  }
}
