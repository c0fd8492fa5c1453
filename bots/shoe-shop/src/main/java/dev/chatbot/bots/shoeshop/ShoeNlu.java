package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
 * a size); match the remaining words against the {@link Lexicon}, longest phrase first; then, if no brand was
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
    Lexicon lexicon = Lexicon.get();

    Map<Slot, Set<String>> said = new EnumMap<>(Slot.class);
    Map<Slot, Set<String>> avoided = new EnumMap<>(Slot.class);
    String model = null;
    Set<Intent> intents = EnumSet.noneOf(Intent.class);
    Set<Slot> cleared = EnumSet.noneOf(Slot.class);
    List<String> topics = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    boolean female = false;
    String system = null;
    // A negation ("no", "doesn't like", "anything but") applies to what follows, up to a comma or "but".
    boolean negating = false;
    boolean negatedSomething = false;
    boolean startsWithNo = false;
    Lexicon.Kind last = null;

    List<String> tokens = tokens(rest);
    boolean[] used = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equals(",")) {
        negating = false;
        used[i] = true;
        continue;
      }
      // Only as many words as the longest phrase that starts with this one: most words start none.
      int longest = Math.min(lexicon.longestPhraseFrom(tokens.get(i)), tokens.size() - i);
      for (int length = longest; length >= 1; length--) {
        String phrase = length == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + length));
        Lexicon.Term term = lexicon.lookup(phrase);
        if (term == null) {
          continue;
        }
        switch (term.kind()) {
          case SLOT -> {
            add(negating ? avoided : said, term.slot(), term.value());
            negatedSomething |= negating;
          }
          case MODEL -> {
            if (negating) {
              negatedSomething = true;
            } else {
              model = model == null ? term.value() : model;
              add(said, Slot.BRAND, term.brand());
            }
          }
          case UNSUPPORTED -> {
            if (negating) {
              negatedSomething = true;
            } else if (!unsupported.contains(term.value())) {
              unsupported.add(term.value());
            }
          }
          case INTENT -> intents.add(Intent.valueOf(term.value()));
          case CLEAR -> cleared.add(Slot.valueOf(term.value()));
          case TOPIC -> {
            if (!topics.contains(term.value())) {
              topics.add(term.value());
            }
          }
          case NEGATION -> {
            negating = true;
            startsWithNo |= i == 0 && phrase.equals("no");
          }
          // "any colour but black": after letting a wish go, "but" excludes.
          case BREAK -> negating = term.value().equals("but") && last == Lexicon.Kind.CLEAR;
          case FEMALE -> female = true;
          case SYSTEM -> system = term.value();
        }
        last = term.kind();
        for (int j = i; j < i + length; j++) {
          used[j] = true;
        }
        i += length - 1;
        break;
      }
    }
    if (startsWithNo && !negatedSomething) {
      intents.add(Intent.NO);
    }
    if (intents.contains(Intent.ADD) && !tokens.isEmpty() && tokens.get(tokens.size() - 1).matches("out|off")) {
      intents.remove(Intent.ADD); // "take the boots out"
      intents.add(Intent.REMOVE);
    }
    if (!said.containsKey(Slot.BRAND)) {
      BrandMatcher.Match match = BrandMatcher.fuzzy(tokens, used);
      if (match != null) {
        add(negating ? avoided : said, Slot.BRAND, match.brand());
      }
    }
    Integer us = null;
    String asSaid = null;
    Integer unsure = null;
    if (size != null) {
      if (size.width() != null) {
        add(said, Slot.WIDTH, size.width());
      }
      SizeChart.System written = size.system() != null ? size.system()
          : "WOMEN".equals(system) ? SizeChart.System.WOMEN : "MEN".equals(system) ? SizeChart.System.US : null;
      if (written == null && female) {
        unsure = size.halves();
      } else if (written == null || written == SizeChart.System.US) {
        us = size.halves();
      } else {
        us = SizeChart.get().toUsMen(written, size.halves());
        asSaid = SizeChart.asSaid(written, size.halves());
      }
    }
    return new Understanding(said, avoided, model, us, asSaid, unsure, budget.maxCents(), budget.minCents(),
        quantity(normal), pick(normal), intents, cleared, topics, unsupported);
  }

  private static void add(Map<Slot, Set<String>> values, Slot slot, String value) {
    values.computeIfAbsent(slot, s -> new LinkedHashSet<>()).add(value);
  }

  /** Lower case; "&" spelled out; "½" as " 1/2"; apostrophes dropped ("marten's" is "martens"); prices in words. */
  static String normalise(String message) {
    String lower = message.toLowerCase(Locale.ROOT)
        .replace("½", " 1/2")
        .replace("&", " and ")
        .replace("’", "")
        .replace("'", "")
        .replace("w/o ", "without ")
        .replace("w/ ", "with ")
        .replace("dr.", "dr")
        .trim();
    return PriceParser.numbersInWords(lower);
  }

  /** The runs of lower-case ASCII letters and digits: everything else separates words. */
  private static List<String> tokens(CharSequence text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean inWord = isWordChar(c);
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        tokens.add(text.subSequence(start, i).toString());
        start = -1;
      }
      // Clause breaks end a negation: "no black, brown is fine".
      if (c == ',' || c == ';' || c == '!' || c == '?' || (c == '.' && (i + 1 >= text.length()
          || text.charAt(i + 1) == ' '))) {
        tokens.add(",");
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
    String words = " " + String.join(" ", tokens(normal)).replace(" ,", "") + " ";
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
