package dev.chatbot.nlu;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Phrases and what each means, found in a message's words longest phrase first, exactly (no typos: pair it with
 * {@link FuzzyNames} for names), with a plural "s" or "es" tried off ("boots" finds "boot"). It answers in
 * microseconds over thousands of phrases: a lookup per word and phrase length, never a scan of the phrases.
 *
 * <pre>{@code
 * PhraseTable<String> colours = new PhraseTable<String>().put("navy blue", "navy").put("blk", "black");
 * colours.scan(PhraseTable.words("blk boots, not navy blue"));   // black [0,1), a break, navy [4,6)
 * }</pre>
 */
public final class PhraseTable<T> {

  /** A phrase found over words [from, to); a null meaning is a clause break (",", ";", "?", "!", a full stop). */
  public record Hit<T>(T meaning, String phrase, int from, int to) {}

  /** The word {@link #words} puts where a clause ends. */
  public static final String BREAK = ",";
  private static final int LONGEST = 6;

  private final Map<String, T> meanings = new HashMap<>();
  /** First word to the number of words of the longest phrase it starts, when that is more than one. */
  private final Map<String, Integer> longestFrom = new HashMap<>();

  /** Adds a phrase (lower case; hyphens count as spaces); the first meaning given to a phrase stays. */
  public PhraseTable<T> put(String phrase, T meaning) {
    String words = String.join(" ", words(phrase.replace('-', ' ')));
    if (!words.isEmpty() && meanings.putIfAbsent(words, meaning) == null && words.indexOf(' ') > 0) {
      longestFrom.merge(words.substring(0, words.indexOf(' ')), words.split(" ").length, Math::max);
    }
    return this;
  }

  /**
   * Adds groups of phrases as a data file keeps them, each under its name: {@code {"black": ["blk", "jet black"]}},
   * or an object with its {@code "phrases"} and more ({@code {"shipping": {"phrases": [...], "answer": "..."}}}).
   * {@code meaning} makes a phrase's meaning from the group's name and its JSON value (an array or an object).
   */
  public PhraseTable<T> putAll(JsonObject groups, BiFunction<String, Object, T> meaning) {
    groups.forEach(group -> {
      T groupMeaning = meaning.apply(group.getKey(), group.getValue());
      JsonArray phrases = group.getValue() instanceof JsonObject object ? object.getJsonArray("phrases")
          : (JsonArray) group.getValue();
      phrases.forEach(phrase -> put((String) phrase, groupMeaning));
    });
    return this;
  }

  /** The meaning of a phrase, trying it without a plural "s" or "es" too; null if unknown. */
  public T lookup(String phrase) {
    T meaning = meanings.get(phrase);
    if (meaning == null && phrase.length() > 3 && phrase.endsWith("s")) {
      meaning = meanings.get(phrase.substring(0, phrase.length() - 1));
      if (meaning == null && phrase.endsWith("es")) {
        meaning = meanings.get(phrase.substring(0, phrase.length() - 2));
      }
    }
    return meaning;
  }

  /** The phrases and clause breaks in {@code words}, in order, each word in one hit at most, longest first. */
  public List<Hit<T>> scan(List<String> words) {
    List<Hit<T>> hits = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).equals(BREAK)) {
        hits.add(new Hit<>(null, BREAK, i, i + 1));
        continue;
      }
      // Only as many words as the longest phrase that starts with this one: most words start none.
      int longest = Math.min(Math.min(LONGEST, longestFrom.getOrDefault(words.get(i), 1)), words.size() - i);
      for (int length = longest; length >= 1; length--) {
        String phrase = length == 1 ? words.get(i) : String.join(" ", words.subList(i, i + length));
        T meaning = lookup(phrase);
        if (meaning != null) {
          hits.add(new Hit<>(meaning, phrase, i, i + length));
          i += length - 1;
          break;
        }
      }
    }
    return hits;
  }

  /**
   * The runs of lower-case ASCII letters and digits of {@code text}, with {@link #BREAK} where a clause ends;
   * everything else separates words.
   */
  public static List<String> words(CharSequence text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean inWord = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(text.subSequence(start, i).toString());
        start = -1;
      }
      if (c == ',' || c == ';' || c == '!' || c == '?'
          || (c == '.' && (i + 1 >= text.length() || text.charAt(i + 1) == ' '))) {
        words.add(BREAK);
      }
    }
    return words;
  }
}
