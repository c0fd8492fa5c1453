package dev.chatbot.bots.shoeshop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to this conversation's state ({@code conversation.state()}): the search so far, the page shown,
 * the question the bot is waiting on, the cart. Everything lives in the JSON so that it is saved with the
 * conversation and nothing is kept in the bot's fields.
 */
final class ShopState {

  /** The question the bot asked and is waiting for an answer to. */
  enum Ask { STYLE, SIZE, SIZE_SYSTEM, ADDRESS, PAYMENT, CONFIRM, CANCEL_ORDER }

  /** One cart line: a shoe, a size (half sizes), a number of pairs. */
  record Line(String sku, int size, int quantity) {}

  private final JsonObject json;
  /** The search as last read or written, so that one message parses it from the JSON once; null until then. */
  private Wanted wanted;

  ShopState(JsonObject json) {
    this.json = json;
  }

  Wanted wanted() {
    if (wanted == null) {
      wanted = Wanted.fromJson(json.getJsonObject("want"));
    }
    return wanted;
  }

  void wanted(Wanted wanted) {
    json.put("want", wanted.toJson());
    this.wanted = wanted;
  }

  int page() {
    return json.getInteger("page", 0);
  }

  void page(int page) {
    json.put("page", page);
  }

  Ask ask() {
    String ask = json.getString("ask");
    return ask == null ? null : Ask.valueOf(ask);
  }

  void ask(Ask ask) {
    if (ask == null) {
      json.remove("ask");
    } else {
      json.put("ask", ask.name());
    }
  }

  /** The shoe the shopper tapped Buy on while the bot asks which size. */
  String pendingSku() {
    return json.getString("pendingSku");
  }

  void pendingSku(String sku) {
    put("pendingSku", sku);
  }

  /** A size whose system the bot asked about ("a women's 8 or a men's 8?"), as written, in half sizes. */
  Integer unsureSize() {
    return json.getInteger("unsureSize");
  }

  void unsureSize(Integer halves) {
    put("unsureSize", halves);
  }

  /** The order the bot asked whether to cancel. */
  String orderToCancel() {
    return json.getString("orderToCancel");
  }

  void orderToCancel(String number) {
    put("orderToCancel", number);
  }

  /** A person from the shop has this conversation: the bot stays quiet until the shopper asks for it again. */
  boolean handedOver() {
    return json.getBoolean("handedOver", false);
  }

  void handedOver(boolean handedOver) {
    put("handedOver", handedOver ? Boolean.TRUE : null);
  }

  private void put(String key, Object value) {
    if (value == null) {
      json.remove(key);
    } else {
      json.put(key, value);
    }
  }

  /** SKUs on the page last shown: "cheaper" means cheaper than these. */
  List<String> shown() {
    JsonArray shown = json.getJsonArray("shown");
    List<String> skus = new ArrayList<>();
    if (shown != null) {
      shown.forEach(sku -> skus.add((String) sku));
    }
    return skus;
  }

  void shown(List<String> skus) {
    json.put("shown", new JsonArray(new ArrayList<>(skus)));
  }

  List<Line> cart() {
    JsonArray cart = json.getJsonArray("cart");
    List<Line> lines = new ArrayList<>();
    if (cart != null) {
      for (Object item : cart) {
        JsonObject line = (JsonObject) item;
        lines.add(new Line(line.getString("sku"), line.getInteger("size"), line.getInteger("qty")));
      }
    }
    return lines;
  }

  void cart(List<Line> lines) {
    JsonArray cart = new JsonArray();
    lines.forEach(line -> cart.add(new JsonObject().put("sku", line.sku()).put("size", line.size())
        .put("qty", line.quantity())));
    if (lines.isEmpty()) {
      json.remove("cart");
    } else {
      json.put("cart", cart);
    }
  }

  /** The cart line the shopper added last: "make it 2" changes it. */
  Line lastAdded() {
    List<Line> cart = cart();
    String sku = json.getString("lastAdded");
    return cart.stream().filter(line -> line.sku().equals(sku)).findFirst()
        .orElse(cart.isEmpty() ? null : cart.get(cart.size() - 1));
  }

  void lastAdded(String sku) {
    put("lastAdded", sku);
  }

  /** Forgets the search and any question, keeping the cart. */
  void clearSearch() {
    wanted = null;
    json.remove("want");
    json.remove("page");
    json.remove("shown");
    json.remove("ask");
    json.remove("pendingSku");
    json.remove("unsureSize");
    json.remove("orderToCancel");
  }

  /** Forgets everything in this conversation (the user's saved address and payment stay in the profile). */
  void clearAll() {
    wanted = null;
    json.clear();
  }
}
