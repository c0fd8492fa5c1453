package dev.chatbot.bots.shoeshop;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Budgets in a message: "under $150", "less than 100 dollars", "below 80", "$120 or less", "between 50 and 100",
 * "over $200", a bare "$90". Without a currency sign or word, a number counts as a price only from 20 up, so "below
 * 12" is not taken for a budget. Recognised text is blanked so that its numbers are not read again as sizes.
 */
final class PriceParser {

  private static final String NUM = "\\$?\\s*(\\d{1,5}(?:\\.\\d{1,2})?)(?:\\s*(?:dollars?|bucks|usd|\\$))?";
  private static final Pattern BETWEEN = Pattern.compile(
      "between\\s*" + NUM + "\\s*(?:and|-|to)\\s*" + NUM + "|\\$\\s*(\\d{1,5})\\s*(?:-|to)\\s*\\$\\s*(\\d{1,5})");
  private static final List<String> BETWEEN_CUES = List.of("between", "$");
  private static final List<String> MAX_WORDS = List.of("under", "below", "less than", "cheaper than", "lower than",
      "no more than", "not more than", "not over", "maximum of", "maximum", "max of", "max", "at most", "up to",
      "upto", "within", "budget is", "budget of", "budget", "tops", "<");
  private static final Pattern MAX_BEFORE = Pattern.compile(Cues.anyOf(MAX_WORDS) + "\\s*" + NUM);
  private static final List<String> MAX_AFTER_WORDS = List.of("or less", "or under", "or below", "or cheaper", "max",
      "tops");
  private static final Pattern MAX_AFTER = Pattern.compile(
      "(\\$\\s*\\d{1,5}(?:\\.\\d{1,2})?|\\d{1,5}(?:\\.\\d{1,2})?\\s*(?:dollars?|bucks|usd)?)\\s*"
          + Cues.anyOf(MAX_AFTER_WORDS));
  private static final List<String> MIN_WORDS = List.of("over", "above", "more than", "at least", "starting at",
      "upwards of", "minimum of", "min of");
  private static final Pattern MIN = Pattern.compile(Cues.anyOf(MIN_WORDS) + "\\s*" + NUM);
  private static final Pattern BARE = Pattern.compile(
      "\\$\\s*(\\d{1,5}(?:\\.\\d{1,2})?)|(?<![\\w.])(\\d{1,5}(?:\\.\\d{1,2})?)\\s*(?:dollars?|bucks|usd)\\b");
  private static final List<String> BARE_CUES = List.of("$", "dollar", "bucks", "usd");
  private static final Budget NONE = new Budget(null, null);

  /** Budget found: cents, either may be null. */
  record Budget(Long maxCents, Long minCents) {}

  private PriceParser() {}

  /** Finds budgets in {@code text} and blanks what it used. */
  static Budget parse(StringBuilder text) {
    if (!Cues.hasDigit(text)) {
      return NONE;
    }
    Long max = null;
    Long min = null;
    // Each pattern runs only when its words are in the text (most messages name no price at all).
    if (Cues.anyIn(text, BETWEEN_CUES)) {
      Matcher between = BETWEEN.matcher(text);
      if (between.find()) {
        String low = between.group(1) != null ? between.group(1) : between.group(3);
        String high = between.group(2) != null ? between.group(2) : between.group(4);
        min = cents(low);
        max = cents(high);
        blank(text, between.start(), between.end());
      }
    }
    if (max == null && Cues.anyIn(text, MAX_WORDS)) {
      max = take(text, MAX_BEFORE, 1);
    }
    if (max == null && Cues.anyIn(text, MAX_AFTER_WORDS)) {
      max = take(text, MAX_AFTER, 1);
    }
    if (min == null && Cues.anyIn(text, MIN_WORDS)) {
      min = take(text, MIN, 1);
    }
    if (max == null && Cues.anyIn(text, BARE_CUES)) {
      Matcher bare = BARE.matcher(text);
      if (bare.find()) {
        max = cents(bare.group(1) != null ? bare.group(1) : bare.group(2));
        blank(text, bare.start(), bare.end());
      }
    }
    return new Budget(max, min);
  }

  private static Long take(StringBuilder text, Pattern pattern, int group) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      String matched = matcher.group();
      String number = matcher.group(group).replace("$", "").replaceAll("[^0-9.]", "");
      boolean currency = matched.contains("$") || matched.contains("dollar") || matched.contains("buck")
          || matched.contains("usd");
      if (currency || Double.parseDouble(number) >= 20) {
        blank(text, matcher.start(), matcher.end());
        return cents(number);
      }
    }
    return null;
  }

  private static long cents(String number) {
    return Math.round(Double.parseDouble(number.replaceAll("[^0-9.]", "")) * 100);
  }

  static void blank(StringBuilder text, int from, int to) {
    for (int i = from; i < to; i++) {
      text.setCharAt(i, ' ');
    }
  }
}
