package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.dialog.Words;
import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.nlu.ResourceFile;
import dev.chatbot.nlu.SizeChart;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words for what the shopper wants: "brown leather dress shoes from Johnston & Murphy under $150". The plurals and
 * the phrases for letting a wish go are data ({@code "say"} in {@code shoe-shop/lexicon.json}).
 */
final class Describe {

  private static final JsonObject SAY = ResourceFile.json("shoe-shop/lexicon.json").getJsonObject("say");

  private Describe() {}

  /** The shoes wanted, without the size: "wide brown leather dress shoes from Johnston & Murphy under $150". */
  static String shoes(Wanted wanted) {
    List<String> words = new ArrayList<>();
    wanted.wants(Slot.WIDTH).forEach(width -> words.add(one(width)));
    words.add(or(wanted.wants(Slot.COLOUR)));
    wanted.wants(Slot.FEATURE).forEach(feature -> words.add(one(feature)));
    words.add(or(wanted.wants(Slot.MATERIAL)));
    words.add(wanted.model() == null ? "" : wanted.model());
    words.add(wanted.wants(Slot.STYLE).isEmpty() ? "shoes"
        : String.join(" or ", wanted.wants(Slot.STYLE).stream().map(Describe::style).toList()));
    StringBuilder text = new StringBuilder(String.join(" ", words.stream().filter(word -> !word.isEmpty()).toList()));
    if (!wanted.wants(Slot.BRAND).isEmpty()) {
      text.append(" from ").append(or(wanted.wants(Slot.BRAND)));
    }
    Long max = wanted.maxPriceCents();
    Long min = wanted.minPriceCents();
    text.append(max != null && min != null ? " between " + PriceLimits.format(min) + " and " + PriceLimits.format(max)
        : max != null ? " under " + PriceLimits.format(max) : min != null ? " over " + PriceLimits.format(min) : "");
    List<String> avoided = new ArrayList<>();
    wanted.avoids().forEach((slot, values) -> values.forEach(value -> avoided.add(slot == Slot.STYLE ? style(value)
        : slot == Slot.FEATURE ? one(value) : value)));
    return text + (avoided.isEmpty() ? "" : ", no " + String.join(" or ", avoided));
  }

  /** "size 10.5 (US men's)", or "size 9.5 (US men's, your EU 43)" when the shopper wrote another system. */
  static String size(Wanted wanted) {
    return "size " + SizeChart.format(wanted.size()) + " (US men's"
        + (wanted.sizeAsSaid() == null ? ")" : ", your " + wanted.sizeAsSaid() + ")");
  }

  /** Many of a style: "oxfords", "running shoes". */
  static String style(String style) {
    return SAY.getJsonObject("plural").getString(style, style);
  }

  /** One shoe's style or feature: "oxford", "running shoe", "lace-free". */
  static String one(String styleOrFeature) {
    return SAY.getJsonObject("one").getString(styleOrFeature, styleOrFeature);
  }

  /** How the alternatives differ: "in another material", "in another colour and from another brand". */
  static String compromise(Set<Slot> missed) {
    return Words.list(Catalog.LEAST_IMPORTANT_FIRST.stream().filter(missed::contains)
        .map(slot -> SAY.getJsonObject("compromise").getString(slot.name())).toList(), "and");
  }

  /** The chip that lets a wish go: "Any material". */
  static String letGo(Slot slot) {
    return SAY.getJsonObject("letGo").getString(slot.name());
  }

  private static String or(Set<String> values) {
    return String.join(" or ", values);
  }
}
