package dev.chatbot.nlu;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes written in several systems ("size 9", "10 1/2", "ten and a half", "EU 43", "43 eu", "uk 9", "9 wide"), read
 * from a message and converted to the bot's own system with a chart kept as data. Sizes are counted in halves
 * (21 is 10.5). What the chart holds:
 *
 * <pre>{@code
 * {"home": "US", "systems": {"US": ["us"], "EU": ["eu", "euro"], "WOMEN": ["womens"]},
 *  "names": {"WOMEN": "women's"},          // how a system is said ("your women's 8"); else its name
 *  "rows": [{"US": 9, "EU": 42.5}, ...],   // the same size in each system; the nearest row converts
 *  "offsets": {"WOMEN": 1.5},              // a system that is the home one plus an offset
 *  "plausible": [4, 16],                   // a bare number counts as a home size in this range...
 *  "guess": {"EU": [35, 50]},              // ...or as this system in that one
 *  "widths": {"W": ["wide", "w"], "N": ["narrow"]},
 *  "notAfter": ["pairs?\\b", "-?\\s*inch", "%"]}         // regexes: what makes a number something else
 * }</pre>
 */
public final class SizeChart {

  /** A size as written: halves in {@code system} (null when no system was written or guessed), and a width. */
  public record Size(int halves, String system, String width) {}

  private record Candidate(Size size, boolean keyword, int from, int to) {}

  /** Sizes in words, from five up: a word's value is 5 plus its index. */
  private static final List<String> WORDS = List.of("five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "fourteen", "fifteen");
  private static final Pattern IN_WORDS = Pattern.compile(
      "(?<!\\w)(?:(size|sz)\\s+)?(" + String.join("|", WORDS) + ")(\\s+and\\s+(?:a\\s+)?half|\\s+1/2)?(?!\\w)");

  private final String home;
  private final Map<String, String> systemOf = new HashMap<>();
  private final Map<String, String> widthOf = new HashMap<>();
  private final JsonObject chart;
  private final Pattern numeric;
  private final Pattern notAfter;

  public SizeChart(JsonObject chart) {
    this.chart = chart.copy();
    this.home = chart.getString("home");
    chart.getJsonObject("systems").forEach(system -> ((JsonArray) system.getValue())
        .forEach(word -> systemOf.put((String) word, system.getKey())));
    chart.getJsonObject("widths", new JsonObject()).forEach(width -> ((JsonArray) width.getValue())
        .forEach(word -> widthOf.put((String) word, width.getKey())));
    String systems = String.join("|", systemOf.keySet());
    String widths = widthOf.isEmpty() ? "(?!)" : String.join("|", widthOf.keySet());
    this.numeric = Pattern.compile("(?<![\\w.$/])(?:(" + systems + ")\\s*)?(?:(size|sz|sizes)\\s*)?(\\d{1,2})"
        + "(\\s*(?:1/2|and a half|and half|-1/2|\\.5|,5))?(?:\\s?(" + widths + "))?(?:\\s*(" + systems + "))?"
        + "(?![\\w/]|\\.\\d)");
    this.notAfter = Pattern.compile("^\\s*(?:" + String.join("|", chart.getJsonArray("notAfter",
        new JsonArray().add("(?!)")).stream().map(String.class::cast).toList()) + ")");
  }

  /** 10.5 is 21. */
  public static int halves(double size) {
    return (int) Math.round(size * 2);
  }

  /** 21 is "10.5", 18 is "9". */
  public static String format(int halves) {
    return halves % 2 == 0 ? String.valueOf(halves / 2) : (halves / 2) + ".5";
  }

  /** Whether a home size is one anyone could sensibly ask for. */
  public boolean plausible(int halves) {
    return within(chart.getJsonArray("plausible"), halves);
  }

  /** How the user wrote it: "EU 43", "women's 8". */
  public String asSaid(String system, int halves) {
    return chart.getJsonObject("names", new JsonObject()).getString(system, system) + " " + format(halves);
  }

  /** The home size for a size in {@code system}: by its offset, or the chart's nearest row (0 beyond the chart). */
  public int toHome(String system, int halves) {
    if (system == null || system.equals(home)) {
      return halves;
    }
    Double offset = chart.getJsonObject("offsets", new JsonObject()).getDouble(system);
    if (offset != null) {
      return halves - halves(offset);
    }
    JsonObject best = null;
    for (Object row : chart.getJsonArray("rows")) {
      JsonObject candidate = (JsonObject) row;
      if (candidate.containsKey(system) && (best == null
          || Math.abs(in(candidate, system) - halves) <= Math.abs(in(best, system) - halves))) {
        best = candidate;
      }
    }
    return best == null || Math.abs(in(best, system) - halves) > 2 ? 0 : in(best, home);
  }

  /**
   * The size in {@code text} (lower case; one with "size" or a system wins, then the last one), blanking what it
   * used. A number without either counts only when it is plausible or in a guessed system's range, and not followed
   * by one of the {@code notAfter} words ("2 pairs", "6 inch").
   */
  public Size take(StringBuilder text) {
    Candidate best = null;
    if (TextCues.hasDigit(text)) {
      best = best(numeric.matcher(text), text, false, null);
    }
    if (TextCues.anyIn(text, WORDS)) {
      best = best(IN_WORDS.matcher(text), text, true, best);
    }
    if (best != null) {
      TextCues.blank(text, best.from(), best.to());
    }
    return best == null ? null : best.size();
  }

  private Candidate best(Matcher matcher, CharSequence text, boolean words, Candidate best) {
    while (matcher.find()) {
      Candidate candidate = candidate(matcher, text, words);
      if (candidate != null && (best == null || candidate.keyword() || !best.keyword())) {
        best = candidate;
      }
    }
    return best;
  }

  private Candidate candidate(Matcher matcher, CharSequence text, boolean words) {
    int whole = words ? 5 + WORDS.indexOf(matcher.group(2)) : Integer.parseInt(matcher.group(3));
    int halves = whole * 2 + ((words ? matcher.group(3) : matcher.group(4)) != null ? 1 : 0);
    if (notAfter.matcher(text.subSequence(matcher.end(), text.length())).find()) {
      return null;
    }
    String written = words ? null : matcher.group(1) != null ? matcher.group(1) : matcher.group(6);
    String system = written == null ? null : systemOf.get(written);
    boolean keyword = (words ? matcher.group(1) : matcher.group(2)) != null || system != null;
    JsonObject guesses = chart.getJsonObject("guess", new JsonObject());
    for (String guess : guesses.fieldNames()) {
      system = system == null && within(guesses.getJsonArray(guess), halves) ? guess : system;
    }
    if (!keyword && system == null && !plausible(halves)) {
      return null;
    }
    String width = words || matcher.group(5) == null ? null : widthOf.get(matcher.group(5));
    return new Candidate(new Size(halves, system, width), keyword, matcher.start(), matcher.end());
  }

  private static boolean within(JsonArray range, int halves) {
    return range != null && halves >= halves(range.getDouble(0)) && halves <= halves(range.getDouble(1));
  }

  private static int in(JsonObject row, String system) {
    return halves(row.getDouble(system));
  }
}
