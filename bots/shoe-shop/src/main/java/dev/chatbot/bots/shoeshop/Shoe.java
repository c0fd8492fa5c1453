package dev.chatbot.bots.shoeshop;

import java.util.List;

/**
 * One catalog entry: a model in one colour (and width). Stock per size lives in the bot-wide store, because it changes.
 *
 * @param style the specific style ("oxford", "chelsea boot", "running")
 * @param category the family it belongs to ("dress", "boot", "sneaker", "sandal", "casual")
 * @param width "M" (medium) or "W" (wide)
 * @param priceCents price in US cents
 * @param features what else it is: "waterproof", "laceless", "cushioned"...
 * @param sizes the sizes this model is made in, in half sizes (21 = 10.5), ascending
 */
record Shoe(
    String sku,
    String brand,
    String name,
    String style,
    String category,
    String colour,
    String material,
    String width,
    long priceCents,
    double rating,
    String description,
    List<String> features,
    List<Integer> sizes) {

  /** Brand and model, the way a shop shows it. */
  String fullName() {
    return brand + " " + name;
  }

  /** Whether this shoe is of the wanted style: the specific style or its whole family ("dress", "boot"). */
  boolean isStyle(String wanted) {
    return wanted.equals(style) || wanted.equals(category);
  }

  /** Whether this is the named model ("Chuck" for "Chuck Taylor All Star Hi"). */
  boolean isModel(String model) {
    return name.toLowerCase(java.util.Locale.ROOT).contains(model.toLowerCase(java.util.Locale.ROOT));
  }
}
