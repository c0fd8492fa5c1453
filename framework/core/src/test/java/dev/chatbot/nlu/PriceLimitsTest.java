package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceLimitsTest {

  @ParameterizedTest
  @CsvSource({"0, $0", "1, $0.01", "9, $0.09", "10, $0.10", "99, $0.99", "100, $1", "105, $1.05", "17499, $174.99",
      "17500, $175", "15000, $150", "123456789, $1234567.89"})
  void showsWholeDollarsOrTwoDigitCents(long cents, String shown) {
    assertThat(PriceLimits.format(cents)).isEqualTo(shown);
  }

  /** The old String.format version is the oracle: prices must read exactly as before. */
  @Test
  void matchesTheFormatItReplaced() {
    for (long cents = -1_000; cents <= 100_000; cents++) {
      String expected = cents % 100 == 0 ? "$" + cents / 100
          : String.format(Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
      assertThat(PriceLimits.format(cents)).as("%d cents", cents).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "boots under $150 | 15000 | ", "less than 100 dollars | 10000 | ", "nothing over 80 | 8000 | ",
      "i dont want to spend more than 90 bucks | 9000 | ", "over $200 | | 20000", "more than 60 | | 6000",
      "between 50 and 100 | 10000 | 5000", "$120 or less | 12000 | ", "$90 | 9000 | ",
      "around 100 bucks | 12000 | 8000",
      "below 12 | | ", "size 10 | | "})
  void readsLimitsLikePeopleWriteThem(String text, Long max, Long min) {
    StringBuilder builder = new StringBuilder(text);
    assertThat(PriceLimits.take(builder)).isEqualTo(new PriceLimits.Limits(max, min));
  }

  @Test
  void blanksWhatItReadSoItIsNotReadAgain() {
    StringBuilder text = new StringBuilder("boots under $150 size 9");
    PriceLimits.take(text);
    assertThat(text.toString().trim()).isEqualTo("boots" + " ".repeat(12) + "size 9");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"a hundred | 100", "under two hundred and fifty | under 250",
      "eighty five | 85", "no numbers | no numbers"})
  void writesPricesInWordsAsDigits(String text, String digits) {
    assertThat(PriceLimits.numbersInWords(text)).isEqualTo(digits);
  }
}
