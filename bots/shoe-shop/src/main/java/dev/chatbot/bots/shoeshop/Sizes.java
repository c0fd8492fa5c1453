package dev.chatbot.bots.shoeshop;

/** US shoe sizes as whole half-sizes (21 means 10.5), so sizes compare exactly and fit in JSON state. */
final class Sizes {

  /** The smallest and largest size anyone can sensibly ask for; the catalog carries 6 to 14. */
  static final int MIN_HALVES = 8;
  static final int MAX_HALVES = 32;

  private Sizes() {}

  static int halves(double size) {
    return (int) Math.round(size * 2);
  }

  static boolean plausible(int halves) {
    return halves >= MIN_HALVES && halves <= MAX_HALVES;
  }

  /** "10.5", "9": also the key of the catalog's stock map. */
  static String format(int halves) {
    return halves % 2 == 0 ? String.valueOf(halves / 2) : (halves / 2) + ".5";
  }
}
