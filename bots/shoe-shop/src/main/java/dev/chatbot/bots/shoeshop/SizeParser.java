package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.SizeChart.System;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in a message: "size 9", "10 1/2", "10.5", "10½" (normalised to "10 1/2" before), "ten and a half",
 * "9 wide", "11W", "10.5 EE", and the system when one is written next to it: "EU 43", "43 eu", "uk 9",
 * "womens 8". A number without the word "size" counts only when it is a plausible US size, or an EU size (35 to
 * 50), and is not followed by "pairs" or "inch". A size that says "size" explicitly is kept even when implausible
 * ("size 25"), so the dialogue can say which sizes exist.
 */
final class SizeParser {

  private static final String SYSTEMS = "eu|euro|european|uk|us|womens|ladies|mens|wmns";
  private static final Pattern NUMERIC = Pattern.compile(
      "(?<![\\w.$/])(?:(" + SYSTEMS + ")\\s*)?(?:(size|sz|sizes)\\s*)?(\\d{1,2})"
          + "(\\s*(?:1/2|and a half|and half|-1/2|\\.5|,5))?"
          + "(?:\\s?(ww|w|xw|ee|eee|2e|4e|wide|narrow|n|m|d|medium))?(?:\\s*(" + SYSTEMS + "))?(?![\\w/]|\\.\\d)");
  /** Sizes in words, from five up: a word's value is 5 plus its index. */
  private static final List<String> NUMBER_WORDS = List.of("five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "fourteen", "fifteen");
  private static final Pattern WORDS = Pattern.compile(
      "(?<!\\w)(?:(size|sz)\\s+)?(" + String.join("|", NUMBER_WORDS) + ")(\\s+and\\s+(?:a\\s+)?half|\\s+1/2)?(?!\\w)");
  private static final Pattern NOT_A_SIZE_AFTER = Pattern.compile(
      "^\\s*(?:-?\\s*inch|pairs?\\b|%|x\\b|years?\\b|yrs?\\b|min|hours?\\b|days?\\b|am\\b|pm\\b|miles?\\b|k\\b)");
  private static final List<String> WIDE = List.of("ww", "w", "xw", "ee", "eee", "2e", "4e", "wide");
  private static final int EU_FROM = 70;
  private static final int EU_TO = 100;

  /**
   * A size found, as written: half sizes in {@code system} (null when no system was written next to it), and the
   * width written right after it ("9 wide"), if any.
   */
  record Found(int halves, System system, String width) {}

  private SizeParser() {}

  /** The best size in {@code text} (an explicit "size" wins, then the last one), blanking what it used. */
  static Found parse(StringBuilder text) {
    Candidate best = null;
    // Most messages have neither digits nor number words: then there is nothing to search for.
    if (Cues.hasDigit(text)) {
      best = best(NUMERIC.matcher(text), text, false, null);
    }
    if (Cues.anyIn(text, NUMBER_WORDS)) {
      best = best(WORDS.matcher(text), text, true, best);
    }
    if (best == null) {
      return null;
    }
    PriceParser.blank(text, best.from(), best.to());
    return new Found(best.halves(), best.system(), best.width());
  }

  /** The best of {@code best} and the candidates {@code matcher} finds: an explicit "size" wins, then the last. */
  private static Candidate best(Matcher matcher, CharSequence text, boolean words, Candidate best) {
    while (matcher.find()) {
      Candidate candidate = candidate(matcher, text, words);
      if (candidate != null && (best == null || candidate.keyword() || !best.keyword())) {
        best = candidate;
      }
    }
    return best;
  }

  private record Candidate(int halves, System system, String width, boolean keyword, int from, int to) {}

  private static Candidate candidate(Matcher matcher, CharSequence text, boolean words) {
    int whole = words ? 5 + NUMBER_WORDS.indexOf(matcher.group(2)) : Integer.parseInt(matcher.group(3));
    int halves = whole * 2 + ((words ? matcher.group(3) : matcher.group(4)) != null ? 1 : 0);
    if (NOT_A_SIZE_AFTER.matcher(text.subSequence(matcher.end(), text.length())).find()) {
      return null;
    }
    System system = null;
    if (!words) {
      String written = matcher.group(1) != null ? matcher.group(1) : matcher.group(6);
      system = written == null ? null : switch (written) {
        case "eu", "euro", "european" -> System.EU;
        case "uk" -> System.UK;
        case "womens", "ladies", "wmns" -> System.WOMEN;
        default -> System.US;
      };
    }
    boolean keyword = (words ? matcher.group(1) : matcher.group(2)) != null || system != null;
    if (system == null && halves >= EU_FROM && halves <= EU_TO) {
      system = System.EU;
    }
    if (!keyword && system == null && !Sizes.plausible(halves)) {
      return null;
    }
    String width = null;
    if (!words && matcher.group(5) != null) {
      String suffix = matcher.group(5);
      width = WIDE.contains(suffix) ? "W" : suffix.startsWith("n") ? "N" : "M";
    }
    return new Candidate(halves, system, width, keyword, matcher.start(), matcher.end());
  }
}
