package dev.chatbot.nlu;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which item of a list just shown a message names, and small counts, in lower-case text: "I'll take the second one"
 * (2), "the last one" (-1), "#3", "option 2"; "2", "two of them", "just one", "a couple" as counts.
 */
public final class Positions {

  private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth");
  private static final List<String> POSITIONS = Stream.concat(ORDINALS.stream(), Stream.of("last", "1st", "2nd",
      "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th")).toList();
  private static final List<String> NUMBERED = List.of("#", "number ", "option ", "no ");
  private static final Pattern PICK = Pattern.compile(
      "\\b(" + TextCues.anyOf(POSITIONS) + ")\\b|" + TextCues.anyOf(NUMBERED) + "(\\d{1,2})\\b");
  private static final Pattern COUNT = Pattern.compile(
      "^\\D*?(?<![\\w.$])(\\d{1,2})(?![\\w.])(?:\\s*(?:pairs?|x|of them))?\\D*$");
  private static final List<Map.Entry<String, Integer>> COUNT_WORDS = Stream.of(
      Map.entry("one", 1), Map.entry("a pair", 1), Map.entry("just one", 1), Map.entry("single", 1),
      Map.entry("two", 2), Map.entry("a couple", 2), Map.entry("couple", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5)).map(e -> Map.entry(" " + e.getKey() + " ", e.getValue())).toList();

  private Positions() {}

  /** The position named: 1 for the first, -1 for the last; null when none is. */
  public static Integer position(String text) {
    if (!TextCues.anyIn(text, POSITIONS) && !TextCues.anyIn(text, NUMBERED)) {
      return null;
    }
    Matcher matcher = PICK.matcher(text);
    if (!matcher.find()) {
      return null;
    }
    if (matcher.group(2) != null) {
      return Integer.parseInt(matcher.group(2));
    }
    String word = matcher.group(1);
    int index = ORDINALS.indexOf(word);
    return word.equals("last") ? -1 : index >= 0 ? index + 1 : Integer.parseInt(word.replaceAll("\\D", ""));
  }

  /** The item of {@code items} at {@code position} as {@link #position} reads it (-1, the last); null if none. */
  public static <T> T pick(List<T> items, Integer position) {
    int index = position == null ? -1 : position == -1 ? items.size() - 1 : position - 1;
    return index >= 0 && index < items.size() ? items.get(index) : null;
  }

  /** A small count (1 to 20) in a short answer ("2", "two pairs", "just one"), or null. */
  public static Integer count(String text) {
    // The digits only when the text has one number: "size 10 1/2" has three.
    if (TextCues.numbers(text) == 1) {
      Matcher matcher = COUNT.matcher(text);
      if (matcher.matches()) {
        int value = Integer.parseInt(matcher.group(1));
        return value >= 1 && value <= 20 ? value : null;
      }
    }
    String words = " " + String.join(" ", PhraseTable.words(text)).replace(" ,", "") + " ";
    Integer found = null;
    int at = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> entry : COUNT_WORDS) {
      int index = words.indexOf(entry.getKey());
      if (index >= 0 && index < at) {
        at = index;
        found = entry.getValue();
      }
    }
    return found;
  }
}
