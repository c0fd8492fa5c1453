package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns one message into an {@link Understanding}: deterministic, hand-written, no service and no model, and fast
 * (a typical sentence takes microseconds). Steps: normalise; take out prices, then sizes (so "$150" is never read as
 * a size); match the remaining words against the {@link Vocabulary}, longest phrase first; then, if no brand was
 * named exactly, look for a misspelled one with {@link BrandMatcher}.
 */
final class ShoeNlu {

  private static final Pattern QUANTITY = Pattern.compile(
      "^\\D*?(?<![\\w.$])(\\d{1,2})(?![\\w.])(?:\\s*(?:pairs?|x|of them))?\\D*$");
  private static final Map<String, Integer> QUANTITY_WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("a pair", 1), Map.entry("just one", 1), Map.entry("single", 1),
      Map.entry("two", 2), Map.entry("a couple", 2), Map.entry("couple", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5));
  /** The quantity words with a space either side, to find them as whole words in " the tokens joined ". */
  private static final List<Map.Entry<String, Integer>> SPACED_QUANTITY_WORDS = QUANTITY_WORDS.entrySet().stream()
      .map(entry -> Map.entry(" " + entry.getKey() + " ", entry.getValue())).toList();

  private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth");
  /** Words for a position on the page ("the 2nd", "the last"); or a number after one of {@link #NUMBERED}. */
  private static final List<String> POSITIONS = Stream.concat(ORDINALS.stream(), Stream.of("last", "1st", "2nd",
      "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th")).toList();
  private static final List<String> NUMBERED = List.of("#", "number ", "option ", "no ");
  private static final Pattern PICK = Pattern.compile(
      "\\b(" + Cues.anyOf(POSITIONS) + ")\\b|" + Cues.anyOf(NUMBERED) + "(\\d{1,2})\\b");

  private ShoeNlu() {}

  static Understanding understand(String message) {
    String normal = normalise(message);
    StringBuilder rest = new StringBuilder(normal);
    PriceParser.Budget budget = PriceParser.parse(rest);
    SizeParser.Found size = SizeParser.parse(rest);

    String colour = null;
    String style = null;
    String material = null;
    String brand = null;
    String width = size == null ? null : size.width();
    Set<Intent> intents = EnumSet.noneOf(Intent.class);
    Set<Slot> cleared = EnumSet.noneOf(Slot.class);

    List<String> tokens = tokens(rest);
    boolean[] used = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      // Only as many words as the longest phrase that starts with this one: most words start none.
      int longest = Math.min(Vocabulary.longestPhraseFrom(tokens.get(i)), tokens.size() - i);
      for (int length = longest; length >= 1; length--) {
        String phrase = length == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + length));
        Vocabulary.Term term = Vocabulary.lookup(phrase);
        if (term == null) {
          continue;
        }
        switch (term.kind()) {
          case COLOUR -> colour = colour == null ? term.value() : colour;
          case STYLE -> style = style == null ? term.value() : style;
          case MATERIAL -> material = material == null ? term.value() : material;
          case WIDTH -> width = width == null ? term.value() : width;
          case BRAND -> brand = brand == null ? term.value() : brand;
          case INTENT -> intents.add(Intent.valueOf(term.value()));
          case CLEAR -> cleared.add(Slot.valueOf(term.value()));
        }
        for (int j = i; j < i + length; j++) {
          used[j] = true;
        }
        i += length - 1;
        break;
      }
    }
    if (brand == null) {
      BrandMatcher.Match match = BrandMatcher.fuzzy(tokens, used);
      if (match != null) {
        brand = match.brand();
      }
    }
    return new Understanding(colour, style, material, brand, size == null ? null : size.halves(), width,
        budget.maxCents(), budget.minCents(), quantity(normal), pick(normal), intents, cleared);
  }

  /** Lower case; "&" spelled out; "½" as " 1/2"; apostrophes dropped ("marten's" is "martens"). */
  static String normalise(String message) {
    return message.toLowerCase(Locale.ROOT)
        .replace("½", " 1/2")
        .replace("&", " and ")
        .replace("’", "")
        .replace("'", "")
        .trim();
  }

  /** The runs of lower-case ASCII letters and digits: everything else separates words. */
  private static List<String> tokens(CharSequence text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean inWord = i < text.length() && isWordChar(text.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        tokens.add(text.subSequence(start, i).toString());
        start = -1;
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** Which shoe on the page: "the second one" is 2, "the last one" -1, "#3" 3; null if none is named. */
  private static Integer pick(String normal) {
    if (!Cues.anyIn(normal, POSITIONS) && !Cues.anyIn(normal, NUMBERED)) {
      return null;
    }
    Matcher matcher = PICK.matcher(normal);
    if (!matcher.find()) {
      return null;
    }
    if (matcher.group(2) != null) {
      return Integer.parseInt(matcher.group(2));
    }
    String word = matcher.group(1);
    if (word.equals("last")) {
      return -1;
    }
    int index = ORDINALS.indexOf(word);
    return index >= 0 ? index + 1 : Integer.parseInt(word.replaceAll("\\D", ""));
  }

  /** A small count in a short answer ("2", "two pairs", "just one"), or null. */
  private static Integer quantity(String normal) {
    // QUANTITY matches only a message with one number in it: "size 10 1/2" has three.
    if (Cues.numbers(normal) == 1) {
      Matcher matcher = QUANTITY.matcher(normal);
      if (matcher.matches()) {
        int value = Integer.parseInt(matcher.group(1));
        return value >= 1 && value <= 20 ? value : null;
      }
    }
    String words = " " + String.join(" ", tokens(normal)) + " ";
    Integer found = null;
    int at = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> entry : SPACED_QUANTITY_WORDS) {
      int index = words.indexOf(entry.getKey());
      if (index >= 0 && index < at) {
        at = index;
        found = entry.getValue();
      }
    }
    return found;
  }
}
