package dev.chatbot.bots.shoeshop;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.commerce.Inventory.Stock;
import dev.chatbot.dialog.Turn;
import dev.chatbot.dialog.Words;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.nlu.SizeChart;
import java.util.List;

/** Shoes as carousel cards (picture, name, price, what it is, Buy and Details), and the answer to Details. */
final class ShoeCards {

  static final String BUY = "BUY:";
  static final String DETAILS = "DETAILS:";

  private final String baseUrl;
  private final Catalog catalog;

  ShoeCards(String baseUrl, Catalog catalog) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.catalog = catalog;
  }

  List<Card> cards(List<Shoe> shoes, int size, Stock stock) {
    return shoes.stream().map(shoe -> {
      int left = shoe.left(stock, size);
      String subtitle = PriceLimits.format(shoe.priceCents()) + " · " + shoe.colour() + " " + shoe.material() + " · "
          + Describe.one(shoe.style()) + ("W".equals(shoe.width()) ? " · wide" : "") + " · size "
          + SizeChart.format(size) + (left <= 3 ? " (only " + left + " left)" : " in stock") + " · ★" + shoe.rating();
      // A PNG: Messenger's and Slack's image renderers do not take SVG.
      return new Card(shoe.fullName(), subtitle, baseUrl + "/assets/shoes/" + shoe.sku() + ".png",
          List.of(Button.postback("Buy", BUY + shoe.sku()), Button.postback("Details", DETAILS + shoe.sku())));
    }).toList();
  }

  /** Details: what the shoe is, the sizes in stock, and a way to buy it in the shopper's size. */
  List<Reply> details(Turn turn, Stock stock, String sku) {
    Shoe shoe = catalog.find(sku);
    if (shoe == null) {
      return List.of(ShopAssistant.SAY.reply("shoeGone"));
    }
    List<Integer> sizes = shoe.sizesInStock(stock);
    Integer size = turn.get(Session.WANTED).size();
    boolean made = size != null && shoe.madeIn(size);
    boolean buyable = made ? shoe.left(stock, size) > 0 : !sizes.isEmpty();
    return List.of(ShopAssistant.SAY.reply("details", "buy", buyable ? BUY + sku : "", "inSize",
        made ? " in " + SizeChart.format(size) : "", "shoe", shoe.fullName(), "price",
        PriceLimits.format(shoe.priceCents()), "what", Words.capitalise(shoe.colour() + " " + shoe.material() + " "
            + Describe.one(shoe.style()) + ("W".equals(shoe.width()) ? ", wide fit" : "")), "description",
        shoe.description(), "features", shoe.features().isEmpty() ? "" : " " + Words.capitalise(String.join(", ",
            shoe.features().stream().map(Describe::one).toList())) + ".", "rating", shoe.rating(), "sizes",
        sizes.isEmpty() ? ShopAssistant.SAY.text("soldOutEverywhere") : ShopAssistant.SAY.text("inSizes", "sizes",
            Checkout.sizeList(sizes)), "soldOut", made && shoe.left(stock, size) == 0
            ? ShopAssistant.SAY.text("sizeSoldOut", "size", SizeChart.format(size)) : "", "sku", sku));
  }
}
