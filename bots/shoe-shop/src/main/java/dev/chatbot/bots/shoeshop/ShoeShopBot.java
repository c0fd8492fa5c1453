package dev.chatbot.bots.shoeshop;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.commerce.Inventory.Stock;
import dev.chatbot.commerce.Shop;
import dev.chatbot.dialog.Handler;
import dev.chatbot.dialog.Routes;
import dev.chatbot.dialog.Turn;
import dev.chatbot.model.Reply;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shoe-shop bot ({@code BOT=shoe-shop}, the default): a shop assistant that finds shoes, keeps a cart, checks
 * out, looks orders up and hands a conversation to a person. It reads its data once (off the event loop), opens the
 * shelves in the bot-wide store, and declares its routes: each button and chip by payload, the way back from a
 * person, and everything typed to the dialogue of {@link ShopAssistant}. Several instances run, one per event loop,
 * all selling from the same stock in {@link #data()}.
 */
public final class ShoeShopBot extends BotVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(ShoeShopBot.class);

  private Shop data;
  private ShopAssistant shop;

  @Override
  public String name() {
    return "shoe-shop";
  }

  @Override
  public Future<?> start() {
    String baseUrl = config().getString("PUBLIC_BASE_URL", "http://localhost:8080");
    data = shop(data());
    // The catalog, the size chart and the word tables are built here, not on the event loop at the first message.
    return vertx.executeBlocking(() -> ShoeNlu.understand("size 9") != null && Catalog.SIZES.plausible(18)
            ? new ShopAssistant(Catalog.shared(), baseUrl, data) : null)
        .compose(ready -> data.inventory().open(Catalog.shared().openingStock()).map(ready))
        .compose(ready -> {
          shop = ready;
          return super.start();
        });
  }

  /** Stock and orders in the bot-wide store, shared by every instance; order numbers SS-100001, SS-100002... */
  static Shop shop(BotDataStore store) {
    return new Shop(store, "SS-", 100_000);
  }

  @Override
  protected void routes(Routes r) {
    // tag::handover[]
    r.payload("HUMAN", answer((turn, stock) -> shop.handOver(turn)));       // turn.handOver(): a person has it
    r.handover(turn -> ShoeNlu.understand(turn.text()).has(Intent.BOT) ? Map.of() : null,  // "bot" resumes,
        step((turn, stock) -> List.of(ShopAssistant.SAY.reply("resumed"))));  // as does the admin API
    // end::handover[]
    r.payload("BUY:{sku}", step((turn, stock) -> shop.checkout.buy(turn, stock, turn.param("sku"))));
    r.payload("DETAILS:{sku}", step((turn, stock) -> shop.cards.details(turn, stock, turn.param("sku"))));
    r.payload("QTY:{count}", step((turn, stock) -> shop.checkout.quantity(turn, stock,
        turn.get(Session.CART).last(), Integer.parseInt(turn.param("count")))));
    r.payload("CANCEL_ORDER:{number}", answer((turn, stock) -> shop.checkout.cancelOrder(turn,
        turn.param("number"))));
    r.payload(Reply.MORE_PAYLOAD, step((turn, stock) -> shop.results(turn, stock, 1)));
    r.payload(Results.SHOW_RESULTS, step((turn, stock) -> shop.results(turn, stock, 0)));
    r.payload(Checkout.CHECKOUT, turn -> shop.checkout.start(turn));
    r.form(shop.checkout.form);                                          // checkout: a Form, begun by start()
    r.payload(Checkout.KEEP_SHOPPING, step((turn, stock) -> shop.keepShopping(turn)));
    r.payload("CART", step((turn, stock) -> shop.checkout.showCart(turn)));
    r.payload("EMPTY_CART", step((turn, stock) -> shop.checkout.emptyCart(turn)));
    r.payload("ORDER_STATUS", answer((turn, stock) -> shop.checkout.status(turn, null)));
    r.payload("KEEP_ORDER", step((turn, stock) -> shop.keepOrder(turn)));
    r.payload("HELP", step((turn, stock) -> List.of(ShopAssistant.SAY.reply("help"))));
    r.payload("START_OVER", step((turn, stock) -> shop.startOver(turn)));
    r.payload("CANCEL", step((turn, stock) -> shop.cancel(turn)));
    r.fallback(answer(shop::onText));
  }

  private Handler step(BiFunction<Turn, Stock, List<Reply>> step) {
    return answer((turn, stock) -> Future.succeededFuture(step.apply(turn, stock)));
  }

  /** Reads the stock, runs one step of the dialogue, sends its replies; a bug never leaves the shopper in silence. */
  private Handler answer(BiFunction<Turn, Stock, Future<List<Reply>>> step) {
    return turn -> data.inventory().stock().compose(stock -> step.apply(turn, stock))
        .recover(e -> {
          LOG.error("shoe-shop failed conversation={} error=\"{}\"", turn.conversation().ref().key(), e.toString(), e);
          return Future.succeededFuture(List.of(ShopAssistant.SAY.reply("oops")));
        })
        .compose(replies -> replies.isEmpty() ? Future.succeededFuture() : turn.reply(replies.toArray(Reply[]::new)));
  }
}
