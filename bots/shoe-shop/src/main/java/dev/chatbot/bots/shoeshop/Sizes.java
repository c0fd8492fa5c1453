package dev.chatbot.bots.shoeshop;

import dev.chatbot.nlu.TextCues;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shoe sizes: US men's in whole half sizes (21 is 10.5), read from a message with the system written next to them,
 * and converted from EU, UK and women's with the chart in {@code shoe-shop/size-chart.json}.
 */
final class Sizes {

  /** The size system a shopper wrote a size in. */
  enum System { US, EU, UK, WOMEN }

  /** A size as written: half sizes in {@code system} (null when none was written) and a width ("9 wide"). */
  record Found(int halves, System system, String width) {}

  private record Row(int us, int uk, int eu) {}

  private record Candidate(Found found, boolean keyword, int from, int to) {}

  private static final String SYSTEMS = "eu|euro|european|uk|us|womens|ladies|mens|wmns";
  private static final Pattern NUMERIC = Pattern.compile(
      "(?<![\\w.$/])(?:(" + SYSTEMS + ")\\s*)?(?:(size|sz|sizes)\\s*)?(\\d{1,2})"
          + "(\\s*(?:1/2|and a half|and half|-1/2|\\.5|,5))?"
          + "(?:\\s?(ww|w|xw|ee|eee|2e|4e|wide|narrow|n|m|d|medium))?(?:\\s*(" + SYSTEMS + "))?(?![\\w/]|\\.\\d)");
  /** Sizes in words, from five up: a word's value is 5 plus its index. */
  private static final List<String> WORDS = List.of("five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "fourteen", "fifteen");
  private static final Pattern IN_WORDS = Pattern.compile(
      "(?<!\\w)(?:(size|sz)\\s+)?(" + String.join("|", WORDS) + ")(\\s+and\\s+(?:a\\s+)?half|\\s+1/2)?(?!\\w)");
  private static final Pattern NOT_A_SIZE_AFTER = Pattern.compile(
      "^\\s*(?:-?\\s*inch|pairs?\\b|%|x\\b|years?\\b|yrs?\\b|min|hours?\\b|days?\\b|am\\b|pm\\b|miles?\\b|k\\b)");
  private static final List<String> WIDE = List.of("ww", "w", "xw", "ee", "eee", "2e", "4e", "wide");
  private static final List<Row> CHART;
  private static final int WOMENS_OFFSET;

  static {
    JsonObject chart = Catalog.json("shoe-shop/size-chart.json");
    CHART = chart.getJsonArray("rows").stream().map(JsonObject.class::cast).map(row -> new Row(
        halves(row.getDouble("us")), halves(row.getDouble("uk")), halves(row.getDouble("eu")))).toList();
    WOMENS_OFFSET = halves(chart.getDouble("womensOffset"));
  }

  private Sizes() {}

  static int halves(double size) {
    return (int) Math.round(size * 2);
  }

  /** The sizes anyone can sensibly ask for (the catalog carries 6 to 14). */
  static boolean plausible(int halves) {
    return halves >= 8 && halves <= 32;
  }

  /** "10.5", "9": also the key of the stock per size. */
  static String format(int halves) {
    return halves % 2 == 0 ? String.valueOf(halves / 2) : (halves / 2) + ".5";
  }

  /** The US men's size for a size in {@code system}: the chart's nearest row (the larger on a tie), 0 beyond it. */
  static int toUsMen(System system, int halves) {
    if (system == System.US || system == System.WOMEN) {
      return system == System.US ? halves : halves - WOMENS_OFFSET;
    }
    Row best = null;
    for (Row row : CHART) {
      if (best == null || Math.abs(in(row, system) - halves) <= Math.abs(in(best, system) - halves)) {
        best = row;
      }
    }
    return Math.abs(in(best, system) - halves) > 2 ? 0 : best.us();
  }

  private static int in(Row row, System system) {
    return system == System.EU ? row.eu() : row.uk();
  }

  /** "EU 43", "UK 9", "women's 8": how the shopper wrote it. */
  static String asSaid(System system, int halves) {
    return (system == System.WOMEN ? "women's" : system.name()) + " " + format(halves);
  }

  /**
   * The size in {@code text} (an explicit "size" or system wins, then the last one), blanking what it used: "size 9",
   * "10 1/2", "10.5", "ten and a half", "9 wide", "11W", "EU 43", "43 eu", "uk 9", "womens 8". A number without
   * "size" counts only when it is a plausible US or an EU size (35 to 50) and not followed by "pairs" or "inch".
   */
  static Found take(StringBuilder text) {
    Candidate best = null;
    if (TextCues.hasDigit(text)) {
      best = best(NUMERIC.matcher(text), text, false, null);
    }
    if (TextCues.anyIn(text, WORDS)) {
      best = best(IN_WORDS.matcher(text), text, true, best);
    }
    if (best != null) {
      TextCues.blank(text, best.from(), best.to());
    }
    return best == null ? null : best.found();
  }

  private static Candidate best(Matcher matcher, CharSequence text, boolean words, Candidate best) {
    while (matcher.find()) {
      Candidate candidate = candidate(matcher, text, words);
      if (candidate != null && (best == null || candidate.keyword() || !best.keyword())) {
        best = candidate;
      }
    }
    return best;
  }

  private static Candidate candidate(Matcher matcher, CharSequence text, boolean words) {
    int whole = words ? 5 + WORDS.indexOf(matcher.group(2)) : Integer.parseInt(matcher.group(3));
    int halves = whole * 2 + ((words ? matcher.group(3) : matcher.group(4)) != null ? 1 : 0);
    if (NOT_A_SIZE_AFTER.matcher(text.subSequence(matcher.end(), text.length())).find()) {
      return null;
    }
    String written = words ? null : matcher.group(1) != null ? matcher.group(1) : matcher.group(6);
    System system = written == null ? null : switch (written) {
      case "eu", "euro", "european" -> System.EU;
      case "uk" -> System.UK;
      case "womens", "ladies", "wmns" -> System.WOMEN;
      default -> System.US;
    };
    boolean keyword = (words ? matcher.group(1) : matcher.group(2)) != null || system != null;
    if (system == null && halves >= 70 && halves <= 100) {
      system = System.EU;
    }
    if (!keyword && system == null && !plausible(halves)) {
      return null;
    }
    String suffix = words ? null : matcher.group(5);
    String width = suffix == null ? null : WIDE.contains(suffix) ? "W" : suffix.startsWith("n") ? "N" : "M";
    return new Candidate(new Found(halves, system, width), keyword, matcher.start(), matcher.end());
  }
}
