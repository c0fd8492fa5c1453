package dev.chatbot.bots.shoeshop;

/** Prices are whole US cents; shown as "$175" or "$174.99". */
final class Money {

  private Money() {}

  static String format(long cents) {
    return cents % 100 == 0
        ? "$" + cents / 100
        : String.format(java.util.Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
  }
}
