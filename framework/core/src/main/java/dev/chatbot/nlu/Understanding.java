package dev.chatbot.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What an engine made of one text.
 *
 * @param intent the intent's name, or null when none was recognised
 * @param confidence 0..1, how sure the engine is of the intent
 * @param entities in the order they appear in the text
 */
public record Understanding(String text, String intent, double confidence, List<Entity> entities) {

  public Understanding {
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** Nothing understood. */
  public static Understanding none(String text) {
    return new Understanding(text, null, 0, List.of());
  }

  public boolean is(String intentName) {
    return intentName.equals(intent);
  }

  /** The first entity called {@code name}. */
  public Optional<Entity> entity(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
