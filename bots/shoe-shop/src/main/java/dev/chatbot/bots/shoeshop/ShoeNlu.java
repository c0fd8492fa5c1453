package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.nlu.FuzzyNames;
import dev.chatbot.nlu.Lexicon;
import dev.chatbot.nlu.Positions;
import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.nlu.ResourceFile;
import dev.chatbot.nlu.SizeChart;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.EnumSet;
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

  private static final JsonObject DATA = ResourceFile.json("shoe-shop/lexicon.json");
  /** The slots' values, then models, what the shop lacks, and the marks (intents, topics...), in that order. */
  private static final Lexicon LEXICON = lexicon();
  private static final FuzzyNames BRANDS = new FuzzyNames(ResourceFile.wordLists(DATA.getJsonObject("brand")));

  private ShoeNlu() {}

  private static Lexicon lexicon() {
    Lexicon lexicon = new Lexicon();
    for (Slot slot : Slot.values()) {
      lexicon.values(slot.name(), DATA.getJsonObject(slot.name().toLowerCase(Locale.ROOT), new JsonObject()));
    }
    lexicon.values("model", DATA.getJsonObject("model")).values("unsupported", DATA.getJsonObject("unsupported"));
    List.of("intent", "clear", "sizeSystem").forEach(kind -> lexicon.marks(kind, DATA.getJsonObject(kind)));
    return lexicon.marks("topic", ResourceFile.json("shoe-shop/store.json").getJsonObject("topics"))
        .negations(ResourceFile.words(DATA.getJsonArray("negation")))
        .breaks(ResourceFile.words(DATA.getJsonArray("break")))
        .marks("female", ResourceFile.words(DATA.getJsonArray("female"))).butAfter("clear");
  }

  static Understanding understand(String message) {
    String normal = normalise(message);
    StringBuilder rest = new StringBuilder(normal);
    PriceLimits.Limits budget = PriceLimits.take(rest);
    SizeChart.Size size = Catalog.SIZES.take(rest);
    Lexicon.Reading reading = LEXICON.read(rest);
    Map<Slot, Set<String>> said = new EnumMap<>(Slot.class);
    Map<Slot, Set<String>> avoided = new EnumMap<>(Slot.class);
    for (Slot slot : Slot.values()) { // every slot, most left empty (an Understanding keeps only those said)
      said.put(slot, new LinkedHashSet<>(reading.said(slot.name())));
      avoided.put(slot, new LinkedHashSet<>(reading.negated(slot.name())));
    }
    Set<String> models = reading.said("model");
    models.forEach(model -> said.get(Slot.BRAND).add(DATA.getJsonObject("model").getJsonObject(model)
        .getString("brand")));
    Set<Intent> intents = EnumSet.noneOf(Intent.class);
    reading.said("intent").forEach(intent -> intents.add(Intent.valueOf(intent)));
    Set<Slot> cleared = EnumSet.noneOf(Slot.class);
    reading.said("clear").forEach(slot -> cleared.add(Slot.valueOf(slot)));
    List<String> words = reading.words();
    if (reading.startsNegated() && words.get(0).equals("no") && reading.negated().isEmpty()) {
      intents.add(Intent.NO); // "no", "no, show me boots": not "no suede"
    }
    if (intents.contains(Intent.ADD) && !words.isEmpty() && words.get(words.size() - 1).matches("out|off")) {
      intents.remove(Intent.ADD); // "take the boots out"
      intents.add(Intent.REMOVE);
    }
    FuzzyNames.Match brand = said.get(Slot.BRAND).isEmpty() ? BRANDS.find(words, reading.used()) : null;
    if (brand != null) {
      (reading.negatingAtEnd() ? avoided : said).get(Slot.BRAND).add(brand.name());
    }
    if (size != null && size.width() != null) {
      said.get(Slot.WIDTH).add(size.width());
    }
    // The system written with the number ("EU 43"), else in the message ("a women's 8", "men's 8").
    String written = size == null ? null : size.system() != null ? size.system()
        : reading.said("sizeSystem").stream().reduce((first, later) -> later).orElse(null);
    // A bare size said for someone else ("she's an 8"): whether women's or men's is asked, never guessed.
    boolean unsure = size != null && written == null && !reading.said("female").isEmpty();
    Integer us = size == null || unsure ? null : Catalog.SIZES.toHome(written, size.halves());
    String asSaid = us == null || written == null || written.equals("US") ? null
        : Catalog.SIZES.asSaid(written, size.halves());
    return new Understanding(said, avoided, models.isEmpty() ? null : models.iterator().next(), us, asSaid,
        unsure ? size.halves() : null, budget.maxCents(), budget.minCents(), Positions.count(normal),
        Positions.position(normal), intents, cleared, List.copyOf(reading.said("topic")),
        List.copyOf(reading.said("unsupported")));
  }

  /** Lower case; "&" spelled out; "½" as " 1/2"; apostrophes dropped ("marten's" is "martens"); prices in words. */
  static String normalise(String message) {
    return PriceLimits.numbersInWords(message.toLowerCase(Locale.ROOT).replace("½", " 1/2").replace("&", " and ")
        .replace("’", "").replace("'", "").replace("w/o ", "without ").replace("w/ ", "with ").replace("dr.", "dr")
        .trim());
  }
}
