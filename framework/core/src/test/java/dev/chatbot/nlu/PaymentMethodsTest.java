package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentMethodsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Visa 4242 | Visa ending 4242", "my visa ending in 1234 | Visa ending 1234", "mastercard | Mastercard",
      "Master Card 5555 | Mastercard ending 5555", "amex | Amex", "PayPal | PayPal", "apple pay please | Apple Pay",
      "googlepay | Google Pay"})
  void readsMethods(String text, String label) {
    assertThat(PaymentMethods.read(text)).isEqualTo(new PaymentMethods.Method(label));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242 4242 4242 4242", "visa 4111-1111-1111-1111", "5555555555554444"})
  void refusesFullCardNumbers(String text) {
    assertThat(PaymentMethods.read(text)).isInstanceOf(PaymentMethods.FullCardNumber.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cash", "whatever", "1234"})
  void leavesTheRestUnknown(String text) {
    assertThat(PaymentMethods.read(text)).isInstanceOf(PaymentMethods.Unknown.class);
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {"Visa 4242 | Visa ending 4242", "paypal | PayPal", "4242 4242 4242 4242 | ''",
      "cash | "})
  void labelsForAPrompt(String text, String label) {
    assertThat(PaymentMethods.label(text)).isEqualTo(label);
  }
}
