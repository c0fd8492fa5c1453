package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.nlu.DataFile;
import dev.chatbot.nlu.FuzzyNames;
import dev.chatbot.nlu.PhraseTable;
import dev.chatbot.nlu.Positions;
import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.nlu.SizeChart;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one message into an {@link Understanding} with the framework's extractors and the shop's words
 * ({@code shoe-shop/lexicon.json}, the topics of {@code shoe-shop/store.json}): prices first (so "$150" is never a
 * size), then the size, then the phrases, longest first; a brand not found exactly is looked for among misspellings.
 * A negation ("no", "doesn't like", "anything but") applies to what follows it, up to a comma or "but".
 */
final class ShoeNlu {

  enum Kind { SLOT, MODEL, UNSUPPORTED, INTENT, CLEAR, TOPIC, NEGATION, BREAK, FEMALE, SYSTEM }

  /** What a phrase means: a slot value, a model (with its brand), a word the shop cannot use, an intent... */
  record Term(Kind kind, Slot slot, String value, String brand) {}

  private static final PhraseTable<Term> LEXICON = new PhraseTable<>();
  private static final FuzzyNames BRANDS;

  static {
    JsonObject lexicon = DataFile.json("shoe-shop/lexicon.json");
    for (Slot slot : Slot.values()) {
      LEXICON.putAll(lexicon.getJsonObject(slot.name().toLowerCase(Locale.ROOT), new JsonObject()),
          (value, json) -> new Term(Kind.SLOT, slot, value, null));
    }
    LEXICON.putAll(lexicon.getJsonObject("model"), (model, json) -> new Term(Kind.MODEL, Slot.BRAND, model,
        ((JsonObject) json).getString("brand")));
    for (Kind kind : List.of(Kind.UNSUPPORTED, Kind.INTENT, Kind.CLEAR, Kind.SYSTEM)) {
      String name = kind == Kind.SYSTEM ? "sizeSystem" : kind.name().toLowerCase(Locale.ROOT);
      LEXICON.putAll(lexicon.getJsonObject(name), (group, json) -> new Term(kind, null, group, null));
    }
    LEXICON.putAll(DataFile.json("shoe-shop/store.json").getJsonObject("topics"),
        (topic, json) -> new Term(Kind.TOPIC, null, topic, null));
    for (Kind kind : List.of(Kind.NEGATION, Kind.BREAK, Kind.FEMALE)) {
      phrases(lexicon.getJsonArray(kind.name().toLowerCase(Locale.ROOT)))
          .forEach(phrase -> LEXICON.put(phrase, new Term(kind, null, phrase, null)));
    }
    Map<String, List<String>> brands = new LinkedHashMap<>();
    lexicon.getJsonObject("brand").forEach(brand -> brands.put(brand.getKey(), phrases(brand.getValue())));
    BRANDS = new FuzzyNames(brands);
  }

  private ShoeNlu() {}

  static Understanding understand(String message) {
    String normal = normalise(message);
    StringBuilder rest = new StringBuilder(normal);
    PriceLimits.Limits budget = PriceLimits.take(rest);
    SizeChart.Size size = Catalog.SIZES.take(rest);
    Map<Slot, Set<String>> said = new EnumMap<>(Slot.class);
    Map<Slot, Set<String>> avoided = new EnumMap<>(Slot.class);
    Set<Intent> intents = EnumSet.noneOf(Intent.class);
    Set<Slot> cleared = EnumSet.noneOf(Slot.class);
    Set<String> topics = new LinkedHashSet<>();
    Set<String> unsupported = new LinkedHashSet<>();
    String model = null;
    String system = null;
    boolean female = false;
    boolean negating = false;
    boolean negatedSomething = false;
    boolean startsWithNo = false;
    Kind last = null;
    List<String> words = PhraseTable.words(rest);
    boolean[] used = new boolean[words.size()];
    for (PhraseTable.Hit<Term> hit : LEXICON.scan(words)) {
      java.util.Arrays.fill(used, hit.from(), hit.to(), true);
      Term term = hit.meaning();
      if (term == null) {
        negating = false;
        continue;
      }
      switch (term.kind()) {
        case SLOT -> {
          add(negating ? avoided : said, term.slot(), term.value());
          negatedSomething |= negating;
        }
        case MODEL -> {
          negatedSomething |= negating;
          if (!negating) {
            model = model == null ? term.value() : model;
            add(said, Slot.BRAND, term.brand());
          }
        }
        case UNSUPPORTED -> {
          negatedSomething |= negating;
          if (!negating) {
            unsupported.add(term.value());
          }
        }
        case INTENT -> intents.add(Intent.valueOf(term.value()));
        case CLEAR -> cleared.add(Slot.valueOf(term.value()));
        case TOPIC -> topics.add(term.value());
        case NEGATION -> {
          negating = true;
          startsWithNo |= hit.from() == 0 && hit.phrase().equals("no");
        }
        // "any colour but black": after letting a wish go, "but" excludes.
        case BREAK -> negating = term.value().equals("but") && last == Kind.CLEAR;
        case FEMALE -> female = true;
        case SYSTEM -> system = term.value();
      }
      last = term.kind();
    }
    if (startsWithNo && !negatedSomething) {
      intents.add(Intent.NO);
    }
    if (intents.contains(Intent.ADD) && !words.isEmpty() && words.get(words.size() - 1).matches("out|off")) {
      intents.remove(Intent.ADD); // "take the boots out"
      intents.add(Intent.REMOVE);
    }
    if (!said.containsKey(Slot.BRAND)) {
      FuzzyNames.Match match = BRANDS.find(words, used);
      if (match != null) {
        add(negating ? avoided : said, Slot.BRAND, match.name());
      }
    }
    Integer us = null;
    String asSaid = null;
    Integer unsure = null;
    if (size != null) {
      if (size.width() != null) {
        add(said, Slot.WIDTH, size.width());
      }
      String written = size.system() != null ? size.system() : "WOMEN".equals(system) ? "WOMEN"
          : "MEN".equals(system) ? "US" : null;
      if (written == null && female) {
        unsure = size.halves();
      } else if (written == null || written.equals("US")) {
        us = size.halves();
      } else {
        us = Catalog.SIZES.toHome(written, size.halves());
        asSaid = Catalog.SIZES.asSaid(written, size.halves());
      }
    }
    return new Understanding(said, avoided, model, us, asSaid, unsure, budget.maxCents(), budget.minCents(),
        Positions.count(normal), Positions.position(normal), intents, cleared, List.copyOf(topics),
        List.copyOf(unsupported));
  }

  private static void add(Map<Slot, Set<String>> values, Slot slot, String value) {
    values.computeIfAbsent(slot, s -> new LinkedHashSet<>()).add(value);
  }

  /** Lower case; "&" spelled out; "½" as " 1/2"; apostrophes dropped ("marten's" is "martens"); prices in words. */
  static String normalise(String message) {
    return PriceLimits.numbersInWords(message.toLowerCase(Locale.ROOT).replace("½", " 1/2").replace("&", " and ")
        .replace("’", "").replace("'", "").replace("w/o ", "without ").replace("w/ ", "with ").replace("dr.", "dr")
        .trim());
  }

  private static List<String> phrases(Object array) {
    return ((JsonArray) array).stream().map(String.class::cast).toList();
  }
}
