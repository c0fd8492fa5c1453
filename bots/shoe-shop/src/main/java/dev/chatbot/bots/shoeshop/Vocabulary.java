package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import java.util.HashMap;
import java.util.Map;

/**
 * Every word and phrase the bot knows, mapped to what it means: the tables are the NLU, so teaching the bot a new
 * synonym is one line here. Phrases are lower case, without punctuation; a trailing plural "s" is tried off when a
 * phrase is not found, so "boots" finds "boot".
 */
final class Vocabulary {

  enum Kind { COLOUR, STYLE, MATERIAL, WIDTH, BRAND, INTENT, CLEAR }

  /** One meaning: a slot value, an intent name or a slot to clear. */
  record Term(Kind kind, String value) {}

  static final int LONGEST_PHRASE = 4;
  private static final Map<String, Term> TERMS = new HashMap<>();
  /** First word of a phrase to the number of words of the longest phrase it starts, when that is more than one. */
  private static final Map<String, Integer> LONGEST_FROM = new HashMap<>();

  static {
    colour("black", "black", "jet black", "all black", "triple black");
    colour("brown", "brown", "dark brown", "chocolate", "espresso", "walnut", "chestnut", "mahogany", "coffee", "brwon");
    colour("tan", "tan", "light brown", "cognac", "camel", "wheat", "honey", "caramel");
    colour("burgundy", "burgundy", "oxblood", "maroon", "wine", "cherry", "bordeaux", "dark red", "cordovan");
    colour("grey", "grey", "gray", "charcoal", "slate", "graphite");
    colour("navy", "navy", "navy blue", "dark blue", "midnight blue");
    colour("white", "white", "off white", "triple white", "all white");
    colour("beige", "beige", "sand", "taupe", "stone", "khaki", "cream", "natural", "bone", "ivory");
    colour("olive", "olive", "olive green", "army green");
    colour("red", "red", "scarlet", "crimson");
    colour("blue", "blue", "light blue", "royal blue", "sky blue", "cobalt");
    colour("green", "green", "forest green", "dark green", "emerald");

    style("dress", "dress", "dress shoe", "dressy", "formal", "formal shoe", "work shoe", "office shoe",
        "wedding shoe", "suit shoe", "smart shoe", "wedding", "office", "interview", "church");
    style("oxford", "oxford", "wingtip", "wing tip", "brogue", "cap toe", "captoe", "balmoral");
    style("derby", "derby", "derbies", "derbys", "blucher");
    style("loafer", "loafer", "penny loafer", "tassel loafer", "lofer", "loafer shoe");
    style("monk strap", "monk", "monk strap", "double monk", "monkstrap");
    style("chelsea boot", "chelsea", "chelsea boot");
    style("chukka boot", "chukka", "chukka boot", "desert boot");
    style("hiking boot", "hiking boot", "hiker", "hiking", "hiking shoe", "trail boot");
    style("boot", "boot", "ankle boot", "work boot", "lace up boot", "winter boot");
    style("sneaker", "sneaker", "sneeker", "snicker", "trainer", "kicks", "tennis shoe", "court shoe",
        "athletic shoe", "athletic", "gym shoe", "gym", "walking shoe", "walking", "skate shoe");
    style("running", "running", "running shoe", "runner", "run", "jogging", "jogging shoe", "marathon", "jogger");
    style("sandal", "sandal", "sandle", "slide", "flip flop", "flipflop", "thong");
    style("clog", "clog");
    style("boat shoe", "boat shoe", "deck shoe", "boat");
    style("moccasin", "moccasin", "moc", "mocassin");
    style("slip-on", "slip on", "slipon", "slip-on");
    style("casual", "casual", "casual shoe", "everyday shoe", "weekend shoe");

    material("leather", "leather", "full grain", "full grain leather", "calfskin", "calf leather", "patent",
        "patent leather", "lether", "leathr", "leahter", "smooth leather");
    material("suede", "suede", "suade", "suede leather", "sueded");
    material("nubuck", "nubuck", "nubuk");
    material("canvas", "canvas");
    material("mesh", "mesh", "breathable");
    material("knit", "knit", "knitted", "primeknit", "flyknit");
    material("synthetic", "synthetic", "vegan", "webbing", "rubber");

    width("W", "wide", "extra wide", "wide fit", "wide width", "ww", "xw", "ee", "eee", "2e", "4e", "wide feet");
    width("N", "narrow", "narrow fit", "narrow width", "slim fit", "narrow feet");
    width("M", "medium width", "regular width", "standard width", "normal width", "regular fit");

    BrandMatcher.ALIASES.forEach((brand, aliases) -> aliases.forEach(alias -> put(alias, Kind.BRAND, brand)));

    intent(Intent.SHOP, "shoe", "shoes", "footwear", "a pair", "new pair", "some shoes", "new shoes");
    intent(Intent.HELP, "help", "what can you do", "how does this work", "how do i", "commands", "menu",
        "what do you do", "instructions", "i need help", "help me");
    intent(Intent.CART, "cart", "my cart", "basket", "my basket", "my bag", "view cart", "show cart",
        "show my cart", "whats in my cart", "see cart", "shopping cart");
    intent(Intent.EMPTY_CART, "empty cart", "empty my cart", "clear cart", "clear my cart", "empty basket",
        "empty the cart", "remove all");
    intent(Intent.CHECKOUT, "checkout", "check out", "pay", "pay now", "place order", "place my order",
        "proceed to checkout", "go to checkout", "complete order", "complete my order", "finish order");
    intent(Intent.START_OVER, "start over", "restart", "reset", "start again", "new search", "begin again",
        "from scratch", "clear all", "start fresh", "start from scratch", "startover");
    intent(Intent.CANCEL, "cancel", "never mind", "nevermind", "forget it", "stop", "abort", "quit", "cancel that");
    intent(Intent.MORE, "more", "show more", "see more", "next", "next page", "more please", "more options",
        "more results", "any more", "anymore", "show me more", "load more", "others", "what else", "anything else", "something else");
    intent(Intent.CHEAPER, "cheaper", "cheap", "less expensive", "lower price", "too expensive", "too pricey",
        "inexpensive", "affordable", "bargain", "something cheaper", "cheaper ones", "less pricey", "budget");
    intent(Intent.KEEP_SHOPPING, "keep shopping", "continue shopping", "shop more", "keep looking",
        "keep browsing", "continue browsing");
    intent(Intent.GREETING, "hi", "hello", "hey", "hiya", "howdy", "yo", "good morning", "good afternoon",
        "good evening", "hey there", "hi there", "hello there", "greetings", "sup", "whats up");
    intent(Intent.THANKS, "thanks", "thank you", "thx", "ty", "cheers", "much appreciated", "thank u");
    intent(Intent.YES, "yes", "yep", "yeah", "yup", "sure", "ok", "okay", "confirm", "correct", "go ahead",
        "sounds good", "place it", "do it", "y", "yes please", "confirm order", "looks good", "perfect");
    intent(Intent.NO, "no", "nope", "nah", "not now", "n", "no thanks");

    clear(Slot.COLOUR, "any colour", "any color", "other colours", "other colors", "any colours", "any colors",
        "whatever colour", "whatever color", "different colour", "different color");
    clear(Slot.BRAND, "any brand", "other brands", "all brands", "every brand", "whatever brand",
        "different brand");
    clear(Slot.MATERIAL, "any material", "other materials", "whatever material", "different material");
    clear(Slot.STYLE, "any style", "any kind", "any type", "other styles", "anything", "everything",
        "show me everything", "all styles");
    clear(Slot.PRICE, "any price", "no budget", "price doesnt matter", "money is no object", "any budget");
    clear(Slot.WIDTH, "any width", "regular", "standard");

    for (String phrase : TERMS.keySet()) {
      String[] words = phrase.split(" ");
      if (words.length > 1) {
        LONGEST_FROM.merge(words[0], words.length, Math::max);
      }
    }
  }

  private Vocabulary() {}

  /**
   * How many words to try from {@code word} on: the longest phrase it starts (at most {@link #LONGEST_PHRASE}), or
   * 1. A phrase of several words can only be found from its own first word ({@link #lookup} drops a plural "s" from
   * the last word only).
   */
  static int longestPhraseFrom(String word) {
    return Math.min(LONGEST_PHRASE, LONGEST_FROM.getOrDefault(word, 1));
  }

  /** The meaning of a phrase, trying it without a plural "s" too; null if unknown. */
  static Term lookup(String phrase) {
    Term term = TERMS.get(phrase);
    if (term == null && phrase.length() > 3 && phrase.endsWith("s")) {
      term = TERMS.get(phrase.substring(0, phrase.length() - 1));
      if (term == null && phrase.endsWith("es")) {
        term = TERMS.get(phrase.substring(0, phrase.length() - 2));
      }
    }
    return term;
  }

  private static void colour(String value, String... phrases) {
    for (String phrase : phrases) {
      put(phrase, Kind.COLOUR, value);
    }
  }

  private static void style(String value, String... phrases) {
    for (String phrase : phrases) {
      put(phrase, Kind.STYLE, value);
    }
  }

  private static void material(String value, String... phrases) {
    for (String phrase : phrases) {
      put(phrase, Kind.MATERIAL, value);
    }
  }

  private static void width(String value, String... phrases) {
    for (String phrase : phrases) {
      put(phrase, Kind.WIDTH, value);
    }
  }

  private static void intent(Intent intent, String... phrases) {
    for (String phrase : phrases) {
      put(phrase, Kind.INTENT, intent.name());
    }
  }

  private static void clear(Slot slot, String... phrases) {
    for (String phrase : phrases) {
      put(phrase, Kind.CLEAR, slot.name());
    }
  }

  private static void put(String phrase, Kind kind, String value) {
    // Phrases are stored the way the tokenizer will produce them: no hyphens.
    TERMS.putIfAbsent(phrase.replace('-', ' '), new Term(kind, value));
  }
}
