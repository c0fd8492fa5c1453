package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataFileTest {

  @Test
  void readsAClassPathFileWithOrWithoutTheLeadingSlashAndNamesAMissingOne() {
    assertThat(DataFile.text("/shop-nlu.yaml")).isEqualTo(DataFile.text("shop-nlu.yaml")).contains("intents");
    assertThatThrownBy(() -> DataFile.json("nowhere.json")).hasMessageContaining("/nowhere.json");
  }
}
