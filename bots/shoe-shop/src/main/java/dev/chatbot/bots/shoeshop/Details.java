package dev.chatbot.bots.shoeshop;

import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import java.util.ArrayList;
import java.util.List;

/** The answer to *Details*: what the shoe is, the sizes in stock, and a way to buy it in the shopper's size. */
final class Details {

  private final Catalog catalog;

  Details(Catalog catalog) {
    this.catalog = catalog;
  }

  List<Reply> of(ShopState state, Stock stock, String sku) {
    Shoe shoe = catalog.find(sku);
    if (shoe == null) {
      return List.of(Reply.text("Hmm, I can't find that shoe any more."));
    }
    List<Integer> sizes = stock.sizesInStock(shoe);
    StringBuilder text = new StringBuilder(shoe.fullName()).append(" — ").append(Money.format(shoe.priceCents()))
        .append(". ").append(Describe.capitalise(shoe.colour())).append(' ').append(shoe.material()).append(' ')
        .append(Describe.oneStyle(shoe.style())).append("W".equals(shoe.width()) ? ", wide fit" : "")
        .append(". ").append(shoe.description())
        .append(shoe.features().isEmpty() ? "" : " " + Describe.capitalise(String.join(", ", shoe.features()
            .stream().map(Describe::feature).toList())) + ".")
        .append(" Rated ").append(shoe.rating()).append("/5.\n");
    text.append(sizes.isEmpty() ? "Sold out in every size right now." : "In stock in US men's sizes " + Checkout.sizeList(sizes) + ".");
    Integer size = state.wanted().size();
    List<QuickReply> chips = new ArrayList<>();
    if (size != null && shoe.sizes().contains(size)) {
      if (stock.inStock(shoe, size)) {
        chips.add(QuickReply.of("Buy in " + Sizes.format(size), ShoeCards.BUY + sku));
      } else {
        text.append(" Sorry, size ").append(Sizes.format(size)).append(" is sold out.");
      }
    } else if (!sizes.isEmpty()) {
      chips.add(QuickReply.of("Buy", ShoeCards.BUY + sku));
    }
    chips.add(QuickReply.of("Back to results", Results.SHOW_RESULTS));
    text.append(" (SKU ").append(sku).append(')');
    return List.of(Reply.quickReplies(text.toString(), chips));
  }
}
