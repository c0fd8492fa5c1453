package dev.chatbot.bots.shoeshop;

import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Words for what the shopper wants: "brown leather dress shoes from Johnston & Murphy under $150". */
final class Describe {

  private static final Map<String, String> PLURAL = Map.ofEntries(
      Map.entry("dress", "dress shoes"), Map.entry("oxford", "oxfords"), Map.entry("derby", "derbies"),
      Map.entry("loafer", "loafers"), Map.entry("monk strap", "monk straps"),
      Map.entry("chelsea boot", "chelsea boots"), Map.entry("chukka boot", "chukka boots"),
      Map.entry("hiking boot", "hiking boots"), Map.entry("boot", "boots"), Map.entry("sneaker", "sneakers"),
      Map.entry("running", "running shoes"), Map.entry("sandal", "sandals"), Map.entry("clog", "clogs"),
      Map.entry("boat shoe", "boat shoes"), Map.entry("moccasin", "moccasins"), Map.entry("slip-on", "slip-ons"),
      Map.entry("casual", "casual shoes"));

  private Describe() {}

  /** The shoes wanted, without the size: "wide brown leather dress shoes from Johnston & Murphy under $150". */
  static String shoes(Wanted wanted) {
    List<String> words = new ArrayList<>();
    if (wanted.wants(Slot.WIDTH).contains("W")) {
      words.add("wide");
    } else if (wanted.wants(Slot.WIDTH).contains("N")) {
      words.add("narrow");
    }
    words.add(or(wanted.wants(Slot.COLOUR)));
    wanted.wants(Slot.FEATURE).forEach(feature -> words.add(feature(feature)));
    words.add(or(wanted.wants(Slot.MATERIAL)));
    if (wanted.model() != null) {
      words.add(wanted.model());
    }
    words.add(wanted.wants(Slot.STYLE).isEmpty() ? "shoes"
        : String.join(" or ", wanted.wants(Slot.STYLE).stream().map(Describe::style).toList()));
    StringBuilder text = new StringBuilder(String.join(" ", words.stream().filter(word -> !word.isEmpty()).toList()));
    if (!wanted.wants(Slot.BRAND).isEmpty()) {
      text.append(" from ").append(or(wanted.wants(Slot.BRAND)));
    }
    if (wanted.maxPriceCents() != null && wanted.minPriceCents() != null) {
      text.append(" between ").append(PriceLimits.format(wanted.minPriceCents()))
          .append(" and ").append(PriceLimits.format(wanted.maxPriceCents()));
    } else if (wanted.maxPriceCents() != null) {
      text.append(" under ").append(PriceLimits.format(wanted.maxPriceCents()));
    } else if (wanted.minPriceCents() != null) {
      text.append(" over ").append(PriceLimits.format(wanted.minPriceCents()));
    }
    List<String> avoided = new ArrayList<>();
    wanted.avoids().forEach((slot, values) -> values.forEach(value ->
        avoided.add(slot == Slot.STYLE ? style(value) : slot == Slot.FEATURE ? feature(value) : value)));
    if (!avoided.isEmpty()) {
      text.append(", no ").append(String.join(" or ", avoided));
    }
    return text.toString();
  }

  /** "size 10.5 (US men's)", or "US men's 9.5 (your EU 43)" when the shopper wrote another system. */
  static String size(Wanted wanted) {
    String size = Sizes.format(wanted.size());
    return wanted.sizeAsSaid() == null ? "size " + size + " (US men's)"
        : "size " + size + " (US men's, your " + wanted.sizeAsSaid() + ")";
  }

  static String feature(String feature) {
    return switch (feature) {
      case "laceless" -> "lace-free";
      case "made in USA" -> "USA-made";
      default -> feature;
    };
  }

  private static String or(java.util.Set<String> values) {
    return String.join(" or ", values);
  }

  static String style(String style) {
    return PLURAL.getOrDefault(style, style);
  }

  /** One shoe's style: "oxford", "running shoe", "dress shoe". */
  static String oneStyle(String style) {
    return switch (style) {
      case "dress", "running", "casual" -> style + " shoe";
      default -> style;
    };
  }

  /** How the alternatives differ: "in other materials", "in other colours and from other brands". */
  static String compromise(Set<Slot> missed) {
    List<String> parts = new ArrayList<>();
    for (Slot slot : ShoeSearch.LEAST_IMPORTANT_FIRST) {
      if (missed.contains(slot)) {
        parts.add(switch (slot) {
          case MATERIAL -> "in another material";
          case COLOUR -> "in another colour";
          case WIDTH -> "in another width";
          case FEATURE -> "without every feature you asked for";
          case PRICE -> "at a different price";
          case BRAND -> "from another brand";
          case STYLE -> "in another style";
        });
      }
    }
    if (parts.isEmpty()) {
      return "";
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** The chip that lets a wish go: "Any material". */
  static String letGo(Slot slot) {
    return switch (slot) {
      case MATERIAL -> "Any material";
      case COLOUR -> "Any colour";
      case WIDTH -> "Any width";
      case FEATURE -> "Any features";
      case PRICE -> "Any price";
      case BRAND -> "Any brand";
      case STYLE -> "Any style";
    };
  }

  static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** "1 pair" / "2 pairs". */
  static String pairs(int count) {
    return count == 1 ? "1 pair" : count + " pairs";
  }
}
