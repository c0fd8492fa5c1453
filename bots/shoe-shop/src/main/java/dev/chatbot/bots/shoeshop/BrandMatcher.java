package dev.chatbot.bots.shoeshop;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a brand in a message, forgiving the ways people write them: near names ("Johnson and Murphy"), dropped
 * words ("johnston murphy"), initials ("J&M", "jm"), nicknames ("docs", "timbs") and typos ("cole hann",
 * "new ballance", "florshiem"). Exact aliases first; then a bounded edit distance over word windows, where longer
 * names tolerate more typos and short ones (Nike, Teva) must be exact, so ordinary words are never read as brands.
 */
final class BrandMatcher {

  private record Alias(String brand, String text, String glued, int words, int tolerance, long letters) {}

  /** The brand aliases long enough to forgive a typo in (short ones such as "nike" must be exact). */
  private static final List<Alias> FUZZY = new ArrayList<>();

  static {
    for (Lexicon.Alias alias : Lexicon.get().brandAliases()) {
      String text = alias.text();
      int tolerance = text.length() < 5 ? 0 : text.length() < 9 ? 1 : 2;
      if (tolerance > 0) {
        FUZZY.add(new Alias(alias.brand(), text, text.replace(" ", ""), text.split(" ").length, tolerance,
            letters(text)));
      }
    }
  }

  /** What a match covered: the brand and the token range [from, to). */
  record Match(String brand, int from, int to) {}

  private BrandMatcher() {}

  /**
   * The closest brand among windows of {@code tokens} not marked {@code used}, or null. Exact aliases are found by
   * the vocabulary before this runs; this is the forgiving pass.
   */
  static Match fuzzy(List<String> tokens, boolean[] used) {
    long[] letters = new long[tokens.size()];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = letters(tokens.get(i));
    }
    Match best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Alias alias : FUZZY) {
      for (int words = Math.max(1, alias.words() - 1); words <= alias.words() + 1; words++) {
        for (int from = 0; from + words <= tokens.size(); from++) {
          if (anyUsed(used, from, from + words)) {
            continue;
          }
          int length = 0;
          for (int i = from; i < from + words; i++) {
            length += tokens.get(i).length();
          }
          // Cheap length check first: most windows are far too long or short to be this alias.
          if (Math.abs(length - alias.glued().length()) > alias.tolerance()) {
            continue;
          }
          // Then the letters: each one that only the window or only the alias has costs at least one edit (a swap
          // only moves letters both have), so a window with too many of them cannot be within the tolerance.
          long windowLetters = 0;
          for (int i = from; i < from + words; i++) {
            windowLetters |= letters[i];
          }
          if (Long.bitCount(windowLetters & ~alias.letters()) > alias.tolerance()
              || Long.bitCount(alias.letters() & ~windowLetters) > alias.tolerance()) {
            continue;
          }
          String window = String.join(" ", tokens.subList(from, from + words));
          int distance = EditDistance.within(window, alias.text(), alias.tolerance());
          // Glued or split words ("newbalance", "cole haan") cost a space: forgive it on top.
          if (distance > alias.tolerance() && words != alias.words()) {
            distance = EditDistance.within(window.replace(" ", ""), alias.glued(), alias.tolerance());
          }
          if (distance <= alias.tolerance() && distance < bestDistance) {
            best = new Match(alias.brand(), from, from + words);
            bestDistance = distance;
          }
        }
      }
    }
    return best;
  }

  /** The set of letters and digits in {@code text}, one bit each (spaces and anything else left out). */
  private static long letters(String text) {
    long set = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        set |= 1L << (c - 'a');
      } else if (c >= '0' && c <= '9') {
        set |= 1L << (26 + c - '0');
      }
    }
    return set;
  }

  private static boolean anyUsed(boolean[] used, int from, int to) {
    for (int i = from; i < to; i++) {
      if (used[i]) {
        return true;
      }
    }
    return false;
  }
}
