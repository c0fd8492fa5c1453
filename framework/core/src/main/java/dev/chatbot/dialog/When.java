package dev.chatbot.dialog;

import java.util.Locale;
import java.util.Map;

/**
 * When a route applies to a turn. Matching yields the captures of a pattern ({@code {sku}}), an empty map when there
 * is nothing to capture, or null when the route does not apply.
 */
@FunctionalInterface
public interface When {

  Map<String, String> match(Turn turn);

  /** The typed text, whole, any case, surrounding spaces ignored: {@code "order {count} pizzas"}. */
  static When text(String pattern) {
    Template template = new Template(pattern, true);
    return named("text(" + pattern + ")", turn -> turn.message().isPostback() ? null
        : template.match(turn.text().trim()));
  }

  /** A tapped button's or quick reply's payload, exact case: {@code "BUY:{sku}"}. */
  static When payload(String pattern) {
    Template template = new Template(pattern, false);
    return named("payload(" + pattern + ")", turn -> turn.message().payload() == null
        || turn.message().kind() == dev.chatbot.model.Message.Kind.EVENT ? null
        : template.match(turn.message().payload()));
  }

  /** An event the bot sent itself ({@code BotVerticle.proactive}); its data is {@code turn.message().raw()}. */
  static When event(String name) {
    return named("event(" + name + ")", turn -> turn.message().kind() == dev.chatbot.model.Message.Kind.EVENT
        && name.equals(turn.message().payload()) ? Map.of() : null);
  }

  /** The NLU's intent, when it is sure enough ({@link Routes#minConfidence}). */
  static When intent(String name) {
    return named("intent(" + name + ")", turn -> turn.understanding().is(name)
        && turn.understanding().confidence() >= turn.minConfidence() ? Map.of() : null);
  }

  /**
   * A slash command such as {@code "/help"}, typed or sent by the platform (Slack); its argument is captured as
   * {@code args}.
   */
  static When command(String command) {
    String name = (command.startsWith("/") ? command : "/" + command).toLowerCase(Locale.ROOT);
    return named("command(" + name + ")", turn -> {
      String input = turn.message().input().trim();
      String lower = input.toLowerCase(Locale.ROOT);
      if (!lower.equals(name) && !lower.startsWith(name + " ")) {
        return null;
      }
      return Map.of("args", input.substring(name.length()).trim());
    });
  }

  /** Any of these. */
  static When anyOf(When... options) {
    return turn -> {
      for (When option : options) {
        Map<String, String> captures = option.match(turn);
        if (captures != null) {
          return captures;
        }
      }
      return null;
    };
  }

  /** A matcher that prints as {@code description} (in logs and errors). */
  static When named(String description, When when) {
    return new When() {
      @Override
      public Map<String, String> match(Turn turn) {
        return when.match(turn);
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
