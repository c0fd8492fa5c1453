package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalAddressesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"12 Main St, Springfield IL 62704 | 12 Main St, Springfield IL 62704",
      "'  1 Elm   Road,  Leeds  ' | 1 Elm Road, Leeds", "my house | ", "12 | ", "Elm Road, Leeds | ",
      "1 Elm Rd | "})
  void keepsAWholeAddressTidiedAndRefusesTheRest(String text, String address) {
    assertThat(PostalAddresses.read(text)).isEqualTo(address);
  }

  @Test
  void aVeryLongAnswerIsCut() {
    assertThat(PostalAddresses.read("1 Elm Road " + "x".repeat(500))).hasSize(PostalAddresses.MAX_LENGTH);
  }
}
