package dev.chatbot.nlu;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How someone says they will pay: a wallet ("PayPal", "apple pay") or a card type with its last 4 digits ("Visa
 * 4242" is "Visa ending 4242"). A full card number is recognised so that it is refused, never kept.
 */
public final class PaymentMethods {

  /** What the text says: a method, a full card number (to refuse), or nothing recognisable. */
  public sealed interface Reading {}

  public record Method(String label) implements Reading {}

  public record FullCardNumber() implements Reading {}

  public record Unknown() implements Reading {}

  private static final Pattern FULL_CARD_NUMBER = Pattern.compile("(?:\\d[ -]?){12,18}\\d");
  private static final Pattern CARD = Pattern.compile(
      "(visa|mastercard|master card|amex|american express|discover)(?:\\D{0,20}?(\\d{4})\\b)?");
  private static final List<String> WALLETS = List.of("PayPal", "Apple Pay", "Google Pay", "Shop Pay");

  private PaymentMethods() {}

  public static Reading read(String text) {
    if (FULL_CARD_NUMBER.matcher(text).find()) {
      return new FullCardNumber();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String wallet : WALLETS) {
      if (lower.replace(" ", "").contains(wallet.toLowerCase(Locale.ROOT).replace(" ", ""))) {
        return new Method(wallet);
      }
    }
    Matcher card = CARD.matcher(lower);
    if (!card.find()) {
      return new Unknown();
    }
    String brand = switch (card.group(1)) {
      case "visa" -> "Visa";
      case "amex", "american express" -> "Amex";
      case "discover" -> "Discover";
      default -> "Mastercard";
    };
    return new Method(card.group(2) == null ? brand : brand + " ending " + card.group(2));
  }

  /**
   * For a {@code Prompt}: the method's label ("Visa ending 4242"); "" for a full card number, so that
   * {@code validate(method -> !method.isEmpty(), ...)} refuses it with the bot's own words and it is never kept; null
   * when no method is named (the prompt asks again).
   */
  public static String label(String text) {
    Reading reading = read(text);
    return reading instanceof Method method ? method.label() : reading instanceof FullCardNumber ? "" : null;
  }
}
