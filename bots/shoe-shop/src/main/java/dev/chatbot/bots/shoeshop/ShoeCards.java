package dev.chatbot.bots.shoeshop;

import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Shoes as carousel cards: picture, name, price and what it is, with Buy and Details buttons. */
final class ShoeCards {

  static final String BUY = "BUY:";
  static final String DETAILS = "DETAILS:";

  /** What a shoe's card shows whatever the size: built once, as every search shows cards. */
  private record Fixed(String title, String subtitleStart, String subtitleEnd, String imageUrl,
      List<Button> buttons) {}

  private final String baseUrl;
  /** By the catalog's own Shoe instances; any other shoe gets its parts built on the spot. */
  private final Map<Shoe, Fixed> fixedByShoe = new IdentityHashMap<>();

  ShoeCards(String baseUrl, Catalog catalog) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    catalog.all().forEach(shoe -> fixedByShoe.put(shoe, fixed(shoe)));
  }

  List<Card> cards(List<Shoe> shoes, int size, Stock stock) {
    return shoes.stream().map(shoe -> card(shoe, size, stock)).toList();
  }

  Card card(Shoe shoe, int size, Stock stock) {
    Fixed fixed = fixedByShoe.get(shoe);
    if (fixed == null) {
      fixed = fixed(shoe);
    }
    int left = stock.left(shoe.sku(), size);
    String subtitle = fixed.subtitleStart() + " · size " + Sizes.format(size)
        + (left <= 3 ? " (only " + left + " left)" : " in stock") + fixed.subtitleEnd();
    return new Card(fixed.title(), subtitle, fixed.imageUrl(), fixed.buttons());
  }

  private Fixed fixed(Shoe shoe) {
    String subtitleStart = Money.format(shoe.priceCents()) + " · " + shoe.colour() + " " + shoe.material()
        + " · " + Describe.oneStyle(shoe.style()) + ("W".equals(shoe.width()) ? " · wide" : "");
    return new Fixed(shoe.fullName(), subtitleStart, " · ★" + shoe.rating(), imageUrl(shoe),
        List.of(Button.postback("Buy", BUY + shoe.sku()), Button.postback("Details", DETAILS + shoe.sku())));
  }

  /** A PNG: Messenger's and Slack's image renderers do not take SVG. */
  String imageUrl(Shoe shoe) {
    return baseUrl + "/assets/shoes/" + shoe.sku() + ".png";
  }
}
