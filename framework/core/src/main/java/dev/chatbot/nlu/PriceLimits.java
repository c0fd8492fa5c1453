package dev.chatbot.nlu;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Price limits in lower-case text, as people write them: "under $150", "less than 100 dollars", "$120 or less",
 * "between 50 and 100", "over $200", "around a hundred bucks" (80 to 120), a bare "$90" (at most). "Over" and "more
 * than" are a ceiling only after a negation ("nothing over 80", "don't want to spend more than 90"), a floor
 * otherwise. Without a currency sign or word a number is a price only from 20 up ("below 12" is not a budget). What
 * was read is blanked, so the numbers are not read again (as a size, a count). Amounts are in cents.
 *
 * <pre>{@code
 * StringBuilder text = new StringBuilder(PriceLimits.numbersInWords("boots, nothing over a hundred"));
 * PriceLimits.Limits limits = PriceLimits.take(text);   // max 10000, min null
 * }</pre>
 */
public final class PriceLimits {

  /** At most and at least, in cents; either may be null. */
  public record Limits(Long maxCents, Long minCents) {}

  private static final String CURRENCY = "(?:dollars?|bucks|usd)";
  private static final String NUM = "\\$?\\s*(\\d{1,5}(?:\\.\\d{1,2})?)(?:\\s*(?:dollars?|bucks|usd|\\$))?";
  private static final Pattern BETWEEN = Pattern.compile(
      "between\\s*" + NUM + "\\s*(?:and|-|to)\\s*" + NUM + "|\\$\\s*(\\d{1,5})\\s*(?:-|to)\\s*\\$\\s*(\\d{1,5})");
  private static final List<String> MAX_WORDS = List.of("nothing over", "nothing above", "nothing more than",
      "not above", "no higher than", "spend more than", "spend over", "more than", "over", "above", "under", "below",
      "less than", "less then", "cheaper than", "lower than", "sub", "no more than", "not more than", "not over",
      "maximum of", "maximum", "max of", "max", "at most", "up to", "upto", "within", "budget is", "budget of",
      "budget", "tops", "<");
  private static final List<String> FLOOR_UNLESS_NEGATED = List.of("more than", "over", "above");
  private static final Pattern MAX_BEFORE = Pattern.compile(TextCues.anyOf(MAX_WORDS) + "\\s*" + NUM);
  private static final Pattern NEGATED = Pattern.compile(
      "(?:no|not|nothing|dont|doesnt|cant|wont|never|anything)\\b[\\w\\s]{0,24}$");
  private static final List<String> AROUND_WORDS = List.of("around", "about", "roughly", "approximately", "approx",
      "close to", "ish", "or so");
  private static final Pattern AROUND = Pattern.compile("(?:around|about|roughly|approximately|approx|close to)\\s*"
      + NUM + "|\\$?\\s*(\\d{1,5})\\s*" + CURRENCY + "?\\s*(?:ish|or so)\\b");
  private static final List<String> MAX_AFTER_WORDS = List.of("or less", "or under", "or below", "or cheaper", "max",
      "tops");
  private static final Pattern MAX_AFTER = Pattern.compile("(\\$\\s*\\d{1,5}(?:\\.\\d{1,2})?|\\d{1,5}(?:\\.\\d{1,2})?"
      + "\\s*" + CURRENCY + "?)\\s*" + TextCues.anyOf(MAX_AFTER_WORDS));
  private static final List<String> MIN_WORDS = List.of("over", "above", "more than", "at least", "starting at",
      "upwards of", "minimum of", "min of");
  private static final Pattern MIN = Pattern.compile(TextCues.anyOf(MIN_WORDS) + "\\s*" + NUM);
  private static final Pattern BARE = Pattern.compile(
      "\\$\\s*(\\d{1,5}(?:\\.\\d{1,2})?)|(?<![\\w.])(\\d{1,5}(?:\\.\\d{1,2})?)\\s*" + CURRENCY + "\\b");
  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
      "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
  private static final Pattern IN_WORDS = Pattern.compile("\\b(?:(a|one|two|three|four|five|a couple)\\s+)?hundred"
      + "(?:\\s+(?:and\\s+)?(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))?\\b"
      + "|\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:\\s+(five))?\\b");

  private PriceLimits() {}

  /** Finds the limits in {@code text} and blanks what it read. */
  public static Limits take(StringBuilder text) {
    if (!TextCues.hasDigit(text)) {
      return new Limits(null, null);
    }
    Long max = null;
    Long min = null;
    // Each pattern runs only when its words are in the text (most messages name no price at all).
    Matcher between = TextCues.anyIn(text, List.of("between", "$")) ? BETWEEN.matcher(text) : null;
    if (between != null && between.find()) {
      min = cents(between.group(1) != null ? between.group(1) : between.group(3));
      max = cents(between.group(2) != null ? between.group(2) : between.group(4));
      TextCues.blank(text, between.start(), between.end());
    }
    Matcher around = max == null && TextCues.anyIn(text, AROUND_WORDS) ? AROUND.matcher(text) : null;
    if (around != null && around.find()) {
      long cents = cents(around.group(1) != null ? around.group(1) : around.group(2));
      if (cents >= 2000) {
        min = cents * 8 / 10 / 100 * 100;
        max = cents * 12 / 10 / 100 * 100;
        TextCues.blank(text, around.start(), around.end());
      }
    }
    max = max == null && TextCues.anyIn(text, MAX_WORDS) ? takeMax(text) : max;
    max = max == null && TextCues.anyIn(text, MAX_AFTER_WORDS) ? take(text, MAX_AFTER) : max;
    min = min == null && TextCues.anyIn(text, MIN_WORDS) ? take(text, MIN) : min;
    Matcher bare = max == null && TextCues.anyIn(text, List.of("$", "dollar", "bucks", "usd")) ? BARE.matcher(text)
        : null;
    if (bare != null && bare.find()) {
      max = cents(bare.group(1) != null ? bare.group(1) : bare.group(2));
      TextCues.blank(text, bare.start(), bare.end());
    }
    return new Limits(max, min);
  }

  /** Prices in words as digits: "a hundred" is "100", "eighty five" is "85", "two hundred and fifty" is "250". */
  public static String numbersInWords(String text) {
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

  /** "$175" or "$174.99": by hand, as the formatter's parsing and locale lookups cost more than a whole card. */
  public static String format(long cents) {
    long rest = cents % 100;
    return rest == 0 ? "$" + cents / 100 : "$" + cents / 100 + (rest > 0 && rest < 10 ? ".0" : ".") + rest;
  }

  private static Long takeMax(StringBuilder text) {
    Matcher matcher = MAX_BEFORE.matcher(text);
    while (matcher.find()) {
      boolean floorWord = FLOOR_UNLESS_NEGATED.stream().anyMatch(matcher.group()::startsWith);
      if (floorWord && !NEGATED.matcher(text.subSequence(0, matcher.start())).find()) {
        continue;
      }
      long cents = cents(matcher.group(1));
      if (hasCurrency(matcher.group()) || cents >= 2000) {
        TextCues.blank(text, matcher.start(), matcher.end());
        return cents;
      }
    }
    return null;
  }

  private static Long take(StringBuilder text, Pattern pattern) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      long cents = cents(matcher.group(1));
      if (hasCurrency(matcher.group()) || cents >= 2000) {
        TextCues.blank(text, matcher.start(), matcher.end());
        return cents;
      }
    }
    return null;
  }

  private static boolean hasCurrency(String matched) {
    return matched.contains("$") || matched.contains("dollar") || matched.contains("buck") || matched.contains("usd");
  }

  private static long cents(String number) {
    return Math.round(Double.parseDouble(number.replaceAll("[^0-9.]", "")) * 100);
  }
}
