package dev.chatbot.bots.shoeshop;

/** Prices are whole US cents; shown as "$175" or "$174.99". */
final class Money {

  private Money() {}

  static String format(long cents) {
    long dollars = cents / 100;
    long rest = cents % 100;
    if (rest == 0) {
      return "$" + dollars;
    }
    // By hand rather than String.format("$%d.%02d"): every card shows a price, and the formatter's parsing and
    // Locale lookups cost more than the rest of the card.
    return "$" + dollars + (rest > 0 && rest < 10 ? ".0" : ".") + rest;
  }
}
