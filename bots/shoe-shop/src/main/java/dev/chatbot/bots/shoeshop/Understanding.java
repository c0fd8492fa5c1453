package dev.chatbot.bots.shoeshop;

import dev.chatbot.search.Wishes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one message says, before the dialogue decides what to do with it: "black or brown, not suede" says two
 * colours and a material to avoid.
 *
 * @param said wishes per slot; several values mean any of them
 * @param avoided values to leave out ("she doesn't like black")
 * @param model a model named ("chucks"), ranked first; its brand is in {@code said}
 * @param size the US men's size in half sizes, converted from EU, UK or women's; null if none or unsure
 * @param sizeAsSaid the size as written when it was converted ("EU 43")
 * @param unsureSize a size whose system must be asked (a bare "8" for her), in half sizes as written
 * @param pick a shoe on the page shown, by position (the last: -1)
 * @param topics store questions asked ("shipping"); {@code unsupported}: things asked for that the shop lacks
 */
record Understanding(Map<Slot, Set<String>> said, Map<Slot, Set<String>> avoided, String model, Integer size,
    String sizeAsSaid, Integer unsureSize, Long maxPriceCents, Long minPriceCents, Integer quantity, Integer pick,
    Set<Intent> intents, Set<Slot> cleared, List<String> topics, List<String> unsupported) {

  enum Intent {
    SHOP, HELP, CART, EMPTY_CART, CHECKOUT, START_OVER, CANCEL, MORE, CHEAPER, CHEAPEST, KEEP_SHOPPING, GREETING,
    THANKS, YES, NO, HUMAN, BOT, ORDER_STATUS, REMOVE, ADD, SAME_SIZE
  }

  /** What a shoe can be asked for by; PRICE is the budget, kept apart from the others. */
  enum Slot { COLOUR, STYLE, MATERIAL, BRAND, WIDTH, FEATURE, PRICE }

  Understanding {
    said = Wishes.frozen(said);
    avoided = Wishes.frozen(avoided);
    intents = intents.isEmpty() ? EnumSet.noneOf(Intent.class) : EnumSet.copyOf(intents);
    cleared = cleared.isEmpty() ? EnumSet.noneOf(Slot.class) : EnumSet.copyOf(cleared);
  }

  boolean has(Intent intent) {
    return intents.contains(intent);
  }

  boolean says(Slot slot) {
    return said.containsKey(slot);
  }

  /** Whether the message says anything about which shoes (a wish, a dislike, a size, a budget, a wish let go). */
  boolean describesShoes() {
    return !said.isEmpty() || !avoided.isEmpty() || size != null || unsureSize != null || maxPriceCents != null
        || minPriceCents != null || !cleared.isEmpty();
  }
}
