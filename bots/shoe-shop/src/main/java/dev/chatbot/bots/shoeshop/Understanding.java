package dev.chatbot.bots.shoeshop;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one message says, before the dialogue decides what to do with it. Any field may be null: a message
 * like "in black" only sets {@link #colour}.
 *
 * @param size wanted size in half sizes (21 = 10.5)
 * @param width "M", "W" or "N"
 * @param maxPriceCents a budget ("under $150")
 * @param minPriceCents a floor ("over $100")
 * @param quantity a small count ("2", "two pairs"), used when the bot asked how many
 * @param pick a shoe on the page shown, by position ("the second one": 2; "the last one": -1)
 * @param intents commands and conversational acts found in the message
 * @param cleared slots the shopper let go of ("any colour")
 */
record Understanding(
    String colour,
    String style,
    String material,
    String brand,
    Integer size,
    String width,
    Long maxPriceCents,
    Long minPriceCents,
    Integer quantity,
    Integer pick,
    Set<Intent> intents,
    Set<Slot> cleared) {

  enum Intent {
    /** Wants shoes, without saying which yet ("I need shoes"). */
    SHOP,
    HELP, CART, EMPTY_CART, CHECKOUT, START_OVER, CANCEL, MORE, CHEAPER, KEEP_SHOPPING, GREETING, THANKS, YES, NO
  }

  enum Slot { COLOUR, STYLE, MATERIAL, BRAND, WIDTH, PRICE }

  Understanding {
    intents = intents.isEmpty() ? EnumSet.noneOf(Intent.class) : EnumSet.copyOf(intents);
    cleared = cleared.isEmpty() ? EnumSet.noneOf(Slot.class) : EnumSet.copyOf(cleared);
  }

  boolean has(Intent intent) {
    return intents.contains(intent);
  }

  /** Whether the message says anything about which shoes (a slot set or let go of). */
  boolean describesShoes() {
    return colour != null || style != null || material != null || brand != null || size != null || width != null
        || maxPriceCents != null || minPriceCents != null || !cleared.isEmpty();
  }
}
