package dev.chatbot.bots.shoeshop;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how the shopper wants to pay: a wallet ("PayPal", "apple pay") or a card type with its last 4 digits
 * ("Visa 4242" is "Visa ending 4242"). A full card number is never accepted, so it is never stored.
 */
final class PaymentMethod {

  /** What the shopper wrote: a method to save, a card number to refuse, or nothing recognisable. */
  sealed interface Reading {}

  record Method(String label) implements Reading {}

  record FullCardNumber() implements Reading {}

  record Unknown() implements Reading {}

  private static final Pattern FULL_CARD_NUMBER = Pattern.compile("(?:\\d[ -]?){12,18}\\d");
  private static final Pattern CARD = Pattern.compile(
      "(visa|mastercard|master card|amex|american express|discover)(?:\\D{0,20}?(\\d{4})\\b)?");
  private static final List<String> WALLETS = List.of("PayPal", "Apple Pay", "Google Pay", "Shop Pay");

  private PaymentMethod() {}

  static Reading read(String text) {
    if (FULL_CARD_NUMBER.matcher(text).find()) {
      return new FullCardNumber();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String glued = lower.replace(" ", "");
    for (String wallet : WALLETS) {
      if (glued.contains(wallet.toLowerCase(Locale.ROOT).replace(" ", ""))) {
        return new Method(wallet);
      }
    }
    Matcher card = CARD.matcher(lower);
    if (card.find()) {
      String brand = switch (card.group(1)) {
        case "visa" -> "Visa";
        case "amex", "american express" -> "Amex";
        case "discover" -> "Discover";
        default -> "Mastercard";
      };
      return new Method(card.group(2) == null ? brand : brand + " ending " + card.group(2));
    }
    return new Unknown();
  }
}
