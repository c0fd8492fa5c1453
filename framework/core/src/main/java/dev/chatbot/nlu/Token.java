package dev.chatbot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One word, number or symbol of a text, lower-cased, with where it sits in the original text. */
record Token(String text, int start, int end) {

  // Numbers with thousands separators or a decimal part, fractions (1/2), words (with inner apostrophes),
  // currency signs, and the dash of a range ("10-12").
  private static final Pattern TOKEN = Pattern.compile(
      "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:/\\d+)?|\\p{L}+(?:'\\p{L}+)*|[$€£½-]");

  static List<Token> split(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(new Token(matcher.group().toLowerCase(Locale.ROOT), matcher.start(), matcher.end()));
    }
    return tokens;
  }

  /** The words of a phrase as the tokenizer sees them, joined by single spaces. */
  static String normalize(String phrase) {
    return String.join(" ", split(phrase).stream().map(Token::text).toList());
  }

  boolean isDigits() {
    return Character.isDigit(text.charAt(0));
  }
}
