package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({"0, $0", "1, $0.01", "9, $0.09", "10, $0.10", "99, $0.99", "100, $1", "105, $1.05", "17499, $174.99",
      "17500, $175", "15000, $150", "123456789, $1234567.89"})
  void showsWholeDollarsOrTwoDigitCents(long cents, String shown) {
    assertThat(Money.format(cents)).isEqualTo(shown);
  }

  /** The old String.format version is the oracle: prices must read exactly as before. */
  @Test
  void matchesTheFormatItReplaced() {
    for (long cents = -1_000; cents <= 100_000; cents++) {
      String expected = cents % 100 == 0 ? "$" + cents / 100
          : String.format(Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
      assertThat(Money.format(cents)).as("%d cents", cents).isEqualTo(expected);
    }
  }
}
