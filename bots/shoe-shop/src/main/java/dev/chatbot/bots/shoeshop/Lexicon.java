package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Slot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every phrase the shop understands and what it means, read from {@code shoe-shop/lexicon.json} and the topics of
 * {@code shoe-shop/store.json}: teaching the bot a synonym is a line of data. Phrases are lower case without
 * punctuation; a trailing plural "s" is tried off when a phrase is not found, so "boots" finds "boot".
 */
final class Lexicon {

  enum Kind { SLOT, MODEL, UNSUPPORTED, INTENT, CLEAR, TOPIC, NEGATION, BREAK, FEMALE, SYSTEM }

  /** One meaning: a slot value, a model (with its brand), a word the shop cannot use, an intent name, a topic... */
  record Term(Kind kind, Slot slot, String value, String brand) {}

  /** A brand alias for the forgiving brand match. */
  record Alias(String brand, String text) {}

  static final int LONGEST_PHRASE = 6;
  private static final Lexicon INSTANCE = new Lexicon(Resources.json("shoe-shop/lexicon.json"),
      Resources.json("shoe-shop/store.json"));

  private final Map<String, Term> terms = new HashMap<>();
  /** First word of a phrase to the number of words of the longest phrase it starts, when that is more than one. */
  private final Map<String, Integer> longestFrom = new HashMap<>();
  private final List<Alias> brandAliases = new ArrayList<>();

  Lexicon(JsonObject lexicon, JsonObject store) {
    for (Slot slot : Slot.values()) {
      JsonObject values = lexicon.getJsonObject(slot.name().toLowerCase(java.util.Locale.ROOT));
      if (values != null) {
        values.forEach(value -> phrases(value.getValue()).forEach(phrase -> {
          put(phrase, new Term(Kind.SLOT, slot, value.getKey(), null));
          if (slot == Slot.BRAND) {
            brandAliases.add(new Alias(value.getKey(), phrase));
          }
        }));
      }
    }
    lexicon.getJsonObject("model").forEach(model -> {
      JsonObject entry = (JsonObject) model.getValue();
      phrases(entry.getJsonArray("phrases")).forEach(phrase ->
          put(phrase, new Term(Kind.MODEL, Slot.BRAND, model.getKey(), entry.getString("brand"))));
    });
    group(lexicon.getJsonObject("unsupported"), Kind.UNSUPPORTED);
    group(lexicon.getJsonObject("intent"), Kind.INTENT);
    group(lexicon.getJsonObject("clear"), Kind.CLEAR);
    group(lexicon.getJsonObject("sizeSystem"), Kind.SYSTEM);
    store.getJsonObject("topics").forEach(topic ->
        phrases(((JsonObject) topic.getValue()).getJsonArray("phrases")).forEach(phrase ->
            put(phrase, new Term(Kind.TOPIC, null, topic.getKey(), null))));
    for (Kind kind : List.of(Kind.NEGATION, Kind.BREAK, Kind.FEMALE)) {
      phrases(lexicon.getJsonArray(kind.name().toLowerCase(java.util.Locale.ROOT)))
          .forEach(phrase -> put(phrase, new Term(kind, null, phrase, null)));
    }
    for (String phrase : terms.keySet()) {
      int words = phrase.split(" ").length;
      if (words > 1) {
        longestFrom.merge(phrase.substring(0, phrase.indexOf(' ')), words, Math::max);
      }
    }
  }

  static Lexicon get() {
    return INSTANCE;
  }

  /** How many words to try from {@code word} on: the longest phrase it starts, or 1. */
  int longestPhraseFrom(String word) {
    return Math.min(LONGEST_PHRASE, longestFrom.getOrDefault(word, 1));
  }

  /** The meaning of a phrase, trying it without a plural "s" too; null if unknown. */
  Term lookup(String phrase) {
    Term term = terms.get(phrase);
    if (term == null && phrase.length() > 3 && phrase.endsWith("s")) {
      term = terms.get(phrase.substring(0, phrase.length() - 1));
      if (term == null && phrase.endsWith("es")) {
        term = terms.get(phrase.substring(0, phrase.length() - 2));
      }
    }
    return term;
  }

  List<Alias> brandAliases() {
    return brandAliases;
  }

  private void group(JsonObject groups, Kind kind) {
    groups.forEach(group -> phrases(group.getValue()).forEach(phrase ->
        put(phrase, new Term(kind, null, group.getKey(), null))));
  }

  private void put(String phrase, Term term) {
    // Stored the way the tokenizer produces them: no hyphens. The first meaning listed wins.
    terms.putIfAbsent(phrase.replace('-', ' '), term);
  }

  private static List<String> phrases(Object array) {
    return ((JsonArray) array).stream().map(String.class::cast).toList();
  }
}
