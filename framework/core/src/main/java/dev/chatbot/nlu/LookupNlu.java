package dev.chatbot.nlu;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An NLU engine configured from data: intents and entities by their phrases and synonyms, forgiving typos up to an
 * edit distance, plus numbers, money and ranges. It runs in memory in microseconds, so it answers at once.
 *
 * <pre>{@code
 * NluEngine nlu = LookupNlu.fromResource("/nlu.yaml");
 * }</pre>
 *
 * <p>What the bot asks steers it: when a slot is asked, a lone number becomes that slot's entity ("10" after "How
 * many?"), and for a choice the options themselves are phrases of that slot.
 */
public final class LookupNlu implements NluEngine {

  private final PhraseIndex phrases;

  public LookupNlu(LookupData data) {
    this.phrases = new PhraseIndex(data);
  }

  /** Reads a {@code .yaml}/{@code .yml} or {@code .json} file from the class path (at start: it blocks). */
  public static LookupNlu fromResource(String path) {
    return new LookupNlu(parse(ResourceFile.text(path), path.endsWith(".json")));
  }

  /** Parses YAML (or JSON, which is YAML too) into {@link LookupData}; a wrong shape names what is wrong. */
  public static LookupData parse(String text, boolean json) {
    Object tree = json ? new JsonObject(text).getMap()
        : new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    try {
      return DatabindCodec.mapper().convertValue(tree, LookupData.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad NLU data: " + e.getMessage(), e);
    }
  }

  @Override
  public Future<Understanding> understand(String text, NluContext context) {
    return Future.succeededFuture(understandNow(text, context));
  }

  /** The same, synchronously: what the benchmark and tests of the data call. */
  public Understanding understandNow(String text, NluContext context) {
    List<Token> tokens = Token.split(text == null ? "" : text);
    List<Entity> entities = new ArrayList<>();
    boolean[] taken = new boolean[tokens.size()];
    String intent = null;
    double confidence = 0;
    for (PhraseIndex.Match match : phrases.find(tokens)) {
      java.util.Arrays.fill(taken, match.from(), match.to(), true);
      PhraseIndex.Target target = match.target();
      String words = text.substring(tokens.get(match.from()).start(), tokens.get(match.to() - 1).end());
      if (target.intent() != null) {
        double sure = 1.0 - (double) match.distance() / Math.max(4, words.length());
        if (sure > confidence) {
          intent = target.intent();
          confidence = sure;
        }
      } else {
        entities.add(new Entity(target.entity(), target.value(), words));
      }
    }
    List<Numbers.Found> quantities = Numbers.find(tokens, taken);
    for (Numbers.Found found : quantities) {
      String words = text.substring(tokens.get(found.from()).start(), tokens.get(found.to() - 1).end());
      entities.add(new Entity(found.entity().name(), found.entity().value(), words));
    }
    if (context != null && context.asking()) {
      asked(text, tokens, context, entities, quantities);
    }
    return new Understanding(text, intent, confidence, entities);
  }

  /** The first number in {@code text} ("10", "ten and a half", "$12": 12), or null. */
  public static java.math.BigDecimal firstNumber(String text) {
    List<Token> tokens = Token.split(text == null ? "" : text);
    for (Numbers.Found found : Numbers.find(tokens, new boolean[tokens.size()])) {
      Object value = found.entity().value();
      if (value instanceof java.math.BigDecimal number) {
        return number;
      }
      if (value instanceof Money money) {
        return money.amount();
      }
    }
    return null;
  }

  /** Names what answers the asked slot after it: a lone number, or one of the offered choices. */
  private void asked(String text, List<Token> tokens, NluContext context, List<Entity> entities,
      List<Numbers.Found> quantities) {
    if (entities.stream().anyMatch(e -> e.name().equals(context.slot()))) {
      return;
    }
    if ("number".equals(context.expects()) && quantities.size() == 1
        && quantities.get(0).entity().name().equals("number")) {
      Entity number = entities.stream().filter(e -> e.name().equals("number")).findFirst().orElseThrow();
      entities.add(new Entity(context.slot(), number.value(), number.text()));
    } else if ("choice".equals(context.expects()) && !context.choices().isEmpty()) {
      Map<String, List<String>> options = new java.util.LinkedHashMap<>();
      context.choices().forEach(choice -> options.put(choice, List.of()));
      PhraseIndex choices = new PhraseIndex(new LookupData(null, null, Map.of(context.slot(), options)));
      choices.find(tokens).stream().findFirst().ifPresent(match -> entities.add(new Entity(context.slot(),
          match.target().value(), text.substring(tokens.get(match.from()).start(),
              tokens.get(match.to() - 1).end()))));
    }
  }
}
