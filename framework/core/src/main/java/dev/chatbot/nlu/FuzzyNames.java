package dev.chatbot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a name among words the way people misspell names: typos ("new ballance"), swapped letters ("florshiem"),
 * glued or split words ("newbalance", "cole haan"). Longer aliases forgive more (one edit from 5 letters, two from
 * 9); shorter ones must be found exactly elsewhere, so ordinary words are never read as names.
 *
 * <pre>{@code
 * FuzzyNames brands = new FuzzyNames(Map.of("New Balance", List.of("new balance", "nb")));
 * brands.find(List.of("new", "ballance", "sneakers"), new boolean[3]);   // New Balance over words [0, 2)
 * }</pre>
 */
public final class FuzzyNames {

  /** What a match covered: the name and the words [from, to). */
  public record Match(String name, int from, int to) {}

  private record Alias(String name, String text, String glued, int words, int tolerance, long letters) {}

  private final List<Alias> aliases = new ArrayList<>();

  /** {@code names}: each name and its aliases, lower case words separated by single spaces. */
  public FuzzyNames(Map<String, List<String>> names) {
    names.forEach((name, texts) -> texts.forEach(text -> {
      int tolerance = text.length() < 5 ? 0 : text.length() < 9 ? 1 : 2;
      if (tolerance > 0) {
        aliases.add(new Alias(name, text, text.replace(" ", ""), text.split(" ").length, tolerance, letters(text)));
      }
    }));
  }

  /** The closest name over windows of {@code words} that no {@code used} word is part of, or null. */
  public Match find(List<String> words, boolean[] used) {
    long[] letters = new long[words.size()];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = letters(words.get(i));
    }
    Match best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Alias alias : aliases) {
      for (int size = Math.max(1, alias.words() - 1); size <= alias.words() + 1; size++) {
        for (int from = 0; from + size <= words.size(); from++) {
          int distance = distance(alias, words, letters, used, from, from + size);
          if (distance <= alias.tolerance() && distance < bestDistance) {
            best = new Match(alias.name(), from, from + size);
            bestDistance = distance;
          }
        }
      }
    }
    return best;
  }

  private static int distance(Alias alias, List<String> words, long[] letters, boolean[] used, int from, int to) {
    int length = 0;
    long windowLetters = 0;
    for (int i = from; i < to; i++) {
      if (used[i]) {
        return Integer.MAX_VALUE;
      }
      length += words.get(i).length();
      windowLetters |= letters[i];
    }
    // Cheap checks first: a window too long or short, or with letters only one side has (each costs an edit at
    // least: a swap only moves letters both have), cannot be within the tolerance.
    if (Math.abs(length - alias.glued().length()) > alias.tolerance()
        || Long.bitCount(windowLetters & ~alias.letters()) > alias.tolerance()
        || Long.bitCount(alias.letters() & ~windowLetters) > alias.tolerance()) {
      return Integer.MAX_VALUE;
    }
    String window = String.join(" ", words.subList(from, to));
    int distance = EditDistance.within(window, alias.text(), alias.tolerance());
    // Glued or split words cost a space: forgiven on top.
    return distance > alias.tolerance() && to - from != alias.words()
        ? EditDistance.within(window.replace(" ", ""), alias.glued(), alias.tolerance()) : distance;
  }

  /** The letters and digits of {@code text}, one bit each. */
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
}
