package dev.chatbot.bots.shoeshop;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cheap checks that let the NLU skip a regex that cannot match. A pattern built around {@link #anyOf} words matches
 * only text that contains one of them, and most messages contain none: a few {@code indexOf} calls are far cheaper
 * than letting the matcher try every alternative at every position of the message.
 */
final class Cues {

  private Cues() {}

  /** A non-capturing regex alternation of {@code words}, literally and in order: "(?:under|below|...)". */
  static String anyOf(List<String> words) {
    return words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
  }

  /** Whether {@code text} contains any of {@code words}. */
  static boolean anyIn(CharSequence text, List<String> words) {
    for (String word : words) {
      if (indexOf(text, word) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} has an ASCII digit, which every number pattern ({@code \d}) needs. */
  static boolean hasDigit(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** How many numbers (runs of ASCII digits) {@code text} holds. */
  static int numbers(CharSequence text) {
    int numbers = 0;
    boolean inNumber = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (digit && !inNumber) {
        numbers++;
      }
      inNumber = digit;
    }
    return numbers;
  }

  private static int indexOf(CharSequence text, String word) {
    return text instanceof StringBuilder builder ? builder.indexOf(word) : text.toString().indexOf(word);
  }
}
