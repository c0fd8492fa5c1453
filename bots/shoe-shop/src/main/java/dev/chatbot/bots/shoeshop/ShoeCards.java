package dev.chatbot.bots.shoeshop;

import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import java.util.List;

/** Shoes as carousel cards: picture, name, price and what it is, with Buy and Details buttons. */
final class ShoeCards {

  static final String BUY = "BUY:";
  static final String DETAILS = "DETAILS:";

  private final String baseUrl;
  private final Catalog catalog;

  ShoeCards(String baseUrl, Catalog catalog) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.catalog = catalog;
  }

  List<Card> cards(List<Shoe> shoes, int size) {
    return shoes.stream().map(shoe -> card(shoe, size)).toList();
  }

  Card card(Shoe shoe, int size) {
    int left = catalog.stock(shoe.sku(), size);
    String subtitle = Money.format(shoe.priceCents()) + " · " + shoe.colour() + " " + shoe.material()
        + " · " + Describe.oneStyle(shoe.style()) + ("W".equals(shoe.width()) ? " · wide" : "")
        + " · size " + Sizes.format(size) + (left <= 3 ? " (only " + left + " left)" : " in stock")
        + " · ★" + shoe.rating();
    return Card.of(shoe.fullName(), subtitle, imageUrl(shoe),
        Button.postback("Buy", BUY + shoe.sku()), Button.postback("Details", DETAILS + shoe.sku()));
  }

  /** A PNG: Messenger's and Slack's image renderers do not take SVG. */
  String imageUrl(Shoe shoe) {
    return baseUrl + "/assets/shoes/" + shoe.sku() + ".png";
  }
}
