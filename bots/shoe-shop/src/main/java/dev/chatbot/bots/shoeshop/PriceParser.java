package dev.chatbot.bots.shoeshop;

import java.util.List;
import java.util.Map;
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
  private static final List<String> MAX_WORDS = List.of("nothing over", "nothing above", "nothing more than",
      "not above", "no higher than", "spend more than", "spend over", "more than", "over", "above", "under", "below",
      "less than", "less then", "cheaper than", "lower than", "sub",
      "no more than", "not more than", "not over", "maximum of", "maximum", "max of", "max", "at most", "up to",
      "upto", "within", "budget is", "budget of", "budget", "tops", "<");
  /** Words that make a following "over"/"more than" a limit: "nothing over 80", "don't want to spend more than". */
  private static final List<String> MAX_ONLY_AFTER_NEGATION = List.of("more than", "over", "above");
  private static final Pattern MAX_BEFORE = Pattern.compile(Cues.anyOf(MAX_WORDS) + "\\s*" + NUM);
  private static final Pattern NEGATED = Pattern.compile("(?:no|not|nothing|dont|doesnt|cant|wont|never|anything)\\b[\\w\\s]{0,24}$");
  private static final List<String> AROUND_WORDS = List.of("around", "about", "roughly", "approximately", "approx",
      "close to", "ish", "or so");
  private static final Pattern AROUND = Pattern.compile("(?:around|about|roughly|approximately|approx|close to)\\s*"
      + NUM + "|" + "\\$?\\s*(\\d{1,5})\\s*(?:dollars?|bucks|usd)?\\s*(?:ish|or so)\\b");
  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
      "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
  private static final Pattern IN_WORDS = Pattern.compile("\\b(?:(a|one|two|three|four|five|a couple)\\s+)?hundred"
      + "(?:\\s+(?:and\\s+)?(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))?\\b"
      + "|\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:\\s+(five))?\\b");
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
    if (max == null && min == null && Cues.anyIn(text, AROUND_WORDS)) {
      Matcher around = AROUND.matcher(text);
      if (around.find()) {
        long cents = cents(around.group(1) != null ? around.group(1) : around.group(2));
        if (cents >= 2000) {
          min = cents * 8 / 10 / 100 * 100;
          max = cents * 12 / 10 / 100 * 100;
          blank(text, around.start(), around.end());
        }
      }
    }
    if (max == null && Cues.anyIn(text, MAX_WORDS)) {
      max = takeMax(text);
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

  /** "under 80"; "over 80" and "more than 80" only after a negation ("nothing over 80"), else they are a floor. */
  private static Long takeMax(StringBuilder text) {
    Matcher matcher = MAX_BEFORE.matcher(text);
    while (matcher.find()) {
      String matched = matcher.group();
      boolean floorWord = MAX_ONLY_AFTER_NEGATION.stream().anyMatch(matched::startsWith);
      if (floorWord && !NEGATED.matcher(text.subSequence(0, matcher.start())).find()) {
        continue;
      }
      String number = matcher.group(1);
      if (hasCurrency(matched) || Double.parseDouble(number) >= 20) {
        blank(text, matcher.start(), matcher.end());
        return cents(number);
      }
    }
    return null;
  }

  /** "a hundred" is "100", "one fifty" stays, "eighty five" is "85": prices in words, as digits. */
  static String numbersInWords(String text) {
    if (!text.contains("hundred") && TENS.keySet().stream().noneMatch(text::contains)) {
      return text;
    }
    Matcher matcher = IN_WORDS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int value;
      if (matcher.group(3) != null) {
        value = TENS.get(matcher.group(3)) + (matcher.group(4) != null ? 5 : 0);
      } else {
        String count = matcher.group(1);
        int hundreds = count == null || count.equals("a") || count.equals("one") ? 1 : switch (count) {
          case "two", "a couple" -> 2;
          case "three" -> 3;
          case "four" -> 4;
          default -> 5;
        };
        value = hundreds * 100 + (matcher.group(2) != null ? TENS.get(matcher.group(2)) : 0);
      }
      matcher.appendReplacement(out, String.valueOf(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static boolean hasCurrency(String matched) {
    return matched.contains("$") || matched.contains("dollar") || matched.contains("buck") || matched.contains("usd");
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
