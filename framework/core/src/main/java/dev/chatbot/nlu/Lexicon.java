package dev.chatbot.nlu;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words by what they mean, from a bot's data file, read with negation scopes: "black or brown, not suede" says two
 * colours and negates a material, "she doesn't like black" negates black. A negation word covers what follows it up
 * to a clause break (a comma, or a break word such as "but"). Phrases are found longest first ({@link PhraseTable});
 * the first meaning given to a phrase stays, so kinds added first win.
 *
 * <pre>{@code
 * Lexicon words = new Lexicon()
 *     .values("colour", data.getJsonObject("colour"))   // {"black": ["blk", "jet black"]}: may be negated
 *     .marks("intent", data.getJsonObject("intent"))    // {"HELP": ["help"]}: never negated
 *     .negations(List.of("no", "not", "doesnt like")).breaks(List.of("but"));
 * Lexicon.Reading reading = words.read("blk or navy, not suede");
 * }</pre>
 */
public final class Lexicon {

  /** What a phrase means; a null kind is a negation or a break word. */
  private record Term(String kind, String value, boolean negatable) {}

  private static final Term NEGATION = new Term(null, "negation", false);
  private static final Term BREAK = new Term(null, "break", false);

  /**
   * What one text says.
   *
   * @param said per kind, the values said (in order)
   * @param negated per kind, the values said under a negation (only kinds added with {@link #values})
   * @param words the text's words ({@link PhraseTable#words}); {@code used}: those a phrase or a break took
   * @param startsNegated whether the first phrase is a negation word ("no boots")
   * @param negatingAtEnd whether a negation still covers the end of the text (for a word read afterwards)
   */
  public record Reading(Map<String, Set<String>> said, Map<String, Set<String>> negated, List<String> words,
      boolean[] used, boolean startsNegated, boolean negatingAtEnd) {

    public Set<String> said(String kind) {
      return said.getOrDefault(kind, Set.of());
    }

    public Set<String> negated(String kind) {
      return negated.getOrDefault(kind, Set.of());
    }
  }

  private final PhraseTable<Term> phrases = new PhraseTable<>();
  private String butAfter;

  /** Values of {@code kind} by their phrases ({@code {"black": ["blk"]}}, as {@link PhraseTable#putAll} reads). */
  public Lexicon values(String kind, JsonObject groups) {
    phrases.putAll(groups, (value, json) -> new Term(kind, value, true));
    return this;
  }

  /** Like {@link #values}, but never negated: intents, topics ("no, thanks" is still thanks). */
  public Lexicon marks(String kind, JsonObject groups) {
    phrases.putAll(groups, (value, json) -> new Term(kind, value, false));
    return this;
  }

  /** Phrases of {@code kind}, each its own value, never negated. */
  public Lexicon marks(String kind, List<String> words) {
    words.forEach(phrase -> phrases.put(phrase, new Term(kind, phrase, false)));
    return this;
  }

  public Lexicon negations(List<String> words) {
    words.forEach(phrase -> phrases.put(phrase, NEGATION));
    return this;
  }

  /** Words that end a negation as a comma does: "not black but brown". */
  public Lexicon breaks(List<String> words) {
    words.forEach(phrase -> phrases.put(phrase, BREAK));
    return this;
  }

  /** After a phrase of {@code kind}, "but" negates instead: "any colour but black" (with a kind for letting go). */
  public Lexicon butAfter(String kind) {
    this.butAfter = kind;
    return this;
  }

  /** Reads lower-case {@code text}. */
  public Reading read(CharSequence text) {
    List<String> words = PhraseTable.words(text);
    boolean[] used = new boolean[words.size()];
    Map<String, Set<String>> said = new LinkedHashMap<>();
    Map<String, Set<String>> negated = new LinkedHashMap<>();
    boolean negating = false;
    boolean startsNegated = false;
    String last = null;
    for (PhraseTable.Hit<Term> hit : phrases.scan(words)) {
      Arrays.fill(used, hit.from(), hit.to(), true);
      Term term = hit.meaning();
      if (term == null || term == BREAK) {
        negating = term == BREAK && hit.phrase().equals("but") && butAfter != null && butAfter.equals(last);
      } else if (term == NEGATION) {
        negating = true;
        startsNegated |= hit.from() == 0;
      } else {
        (negating && term.negatable() ? negated : said).computeIfAbsent(term.kind(), k -> new LinkedHashSet<>())
            .add(term.value());
      }
      if (term != null) {
        last = term.kind(); // a comma keeps it: "any colour, but black"
      }
    }
    return new Reading(said, negated, words, used, startsNegated, negating);
  }
}
