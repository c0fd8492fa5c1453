package dev.chatbot.nlu;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cheap checks that let an extractor skip a regex that cannot match: a pattern built around {@link #anyOf} words
 * matches only text that contains one of them, and most messages contain none, so a few {@code indexOf} calls save
 * the matcher trying every alternative at every position.
 */
public final class TextCues {

  private TextCues() {}

  /** A non-capturing regex alternation of {@code words}, literally and in order: "(?:under|below|...)". */
  public static String anyOf(List<String> words) {
    return words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
  }

  /** Whether {@code text} contains any of {@code words}. */
  public static boolean anyIn(CharSequence text, List<String> words) {
    String plain = text instanceof StringBuilder ? null : text.toString();
    for (String word : words) {
      if ((plain == null ? ((StringBuilder) text).indexOf(word) : plain.indexOf(word)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} has an ASCII digit, which every {@code \d} pattern needs. */
  public static boolean hasDigit(CharSequence text) {
    return numbers(text) > 0;
  }

  /** How many numbers (runs of ASCII digits) {@code text} holds. */
  public static int numbers(CharSequence text) {
    int numbers = 0;
    boolean inNumber = false;
    for (int i = 0; i < text.length(); i++) {
      boolean digit = text.charAt(i) >= '0' && text.charAt(i) <= '9';
      numbers += digit && !inNumber ? 1 : 0;
      inNumber = digit;
    }
    return numbers;
  }

  /** Replaces {@code text[from, to)} with spaces: what an extractor took is not read again by the next one. */
  public static void blank(StringBuilder text, int from, int to) {
    for (int i = from; i < to; i++) {
      text.setCharAt(i, ' ');
    }
  }
}
