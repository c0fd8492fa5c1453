package dev.chatbot.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The phrases of a {@link LookupData} and what each stands for; finds them in tokens, longest and closest first,
 * without overlaps.
 */
final class PhraseIndex {

  /** What a phrase stands for: an intent ({@code entity} null) or an entity's canonical value. */
  record Target(String intent, String entity, String value) {}

  /** A phrase found over tokens [from, to), {@code distance} edits away. */
  record Match(Target target, int from, int to, int distance) {}

  private record Phrase(String text, int words, Target target) {}

  private final List<Phrase> phrases = new ArrayList<>();
  private final LookupData.Fuzzy fuzzy;
  private final LevenshteinDistance distance;
  private int longest = 1;

  PhraseIndex(LookupData data) {
    this.fuzzy = data.fuzzy();
    this.distance = new LevenshteinDistance(fuzzy.maxDistance());
    data.intents().forEach((intent, said) -> said.forEach(phrase -> add(phrase, new Target(intent, null, null))));
    data.entities().forEach((entity, values) -> values.forEach((value, synonyms) -> {
      add(value, new Target(null, entity, value));
      synonyms.forEach(synonym -> add(synonym, new Target(null, entity, value)));
    }));
  }

  private void add(String phrase, Target target) {
    String text = Token.normalize(phrase);
    if (!text.isEmpty()) {
      int words = text.split(" ").length;
      phrases.add(new Phrase(text, words, target));
      longest = Math.max(longest, words);
    }
  }

  /** Non-overlapping matches: more words first, then fewer edits, then earlier in the text. */
  List<Match> find(List<Token> tokens) {
    List<Match> candidates = new ArrayList<>();
    for (int from = 0; from < tokens.size(); from++) {
      StringBuilder window = new StringBuilder();
      for (int to = from + 1; to <= Math.min(tokens.size(), from + longest); to++) {
        window.append(to > from + 1 ? " " : "").append(tokens.get(to - 1).text());
        String text = window.toString();
        int words = to - from;
        for (Phrase phrase : phrases) {
          if (phrase.words() == words) {
            int edits = edits(text, phrase.text());
            if (edits >= 0) {
              candidates.add(new Match(phrase.target(), from, to, edits));
            }
          }
        }
      }
    }
    candidates.sort(Comparator.comparingInt((Match m) -> -(m.to() - m.from()))
        .thenComparingInt(Match::distance).thenComparingInt(Match::from));
    boolean[] taken = new boolean[tokens.size()];
    List<Match> chosen = new ArrayList<>();
    for (Match match : candidates) {
      if (free(taken, match.from(), match.to())) {
        java.util.Arrays.fill(taken, match.from(), match.to(), true);
        chosen.add(match);
      }
    }
    chosen.sort(Comparator.comparingInt(Match::from));
    return chosen;
  }

  /** Edits from {@code text} to {@code phrase}, or -1 when too many (or the phrase too short to forgive typos). */
  int edits(String text, String phrase) {
    if (text.equals(phrase)) {
      return 0;
    }
    if (phrase.length() < fuzzy.minLength() || fuzzy.maxDistance() == 0
        || Character.isDigit(phrase.charAt(0)) || Character.isDigit(text.charAt(0))) {
      return -1;
    }
    return distance.apply(text, phrase);
  }

  private static boolean free(boolean[] taken, int from, int to) {
    for (int i = from; i < to; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }
}
