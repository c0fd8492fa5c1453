package dev.chatbot.nlu;

import java.util.List;
import java.util.Map;

/**
 * What a {@link LookupNlu} knows, as written in its YAML or JSON file:
 *
 * <pre>{@code
 * fuzzy: {maxDistance: 1, minLength: 5}    # typos allowed in phrases of 5 letters or more
 * intents:
 *   book: [book, appointment, "make a booking"]
 * entities:
 *   service:                               # entity name
 *     haircut: [cut, trim]                 # canonical value: its synonyms (the value itself matches too)
 * }</pre>
 *
 * <p>Numbers, money and ranges are always found.
 */
public record LookupData(Fuzzy fuzzy, Map<String, List<String>> intents, Map<String, Map<String, List<String>>> entities) {

  /** Up to {@code maxDistance} edits (insert, delete, replace a letter) in phrases of {@code minLength} or more. */
  public record Fuzzy(int maxDistance, int minLength) {
    public static final Fuzzy DEFAULT = new Fuzzy(1, 5);
  }

  public LookupData {
    fuzzy = fuzzy == null ? Fuzzy.DEFAULT : fuzzy;
    intents = intents == null ? Map.of() : intents;
    entities = entities == null ? Map.of() : entities;
  }
}
