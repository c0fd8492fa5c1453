package dev.chatbot.bots.shoeshop;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.metrics.BotMetrics;
import dev.chatbot.dialog.Handler;
import dev.chatbot.dialog.Routes;
import dev.chatbot.dialog.Turn;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shoe-shop bot ({@code BOT=shoe-shop}, the default): a shop assistant that finds shoes in the catalog, keeps a
 * cart, checks out and looks orders up. It reads the catalog and the word lists once (off the event loop), opens the
 * shelves in the bot-wide store, and declares its routes: the taps of its buttons and chips by payload, a handover
 * to a person as a receive interceptor, and everything typed to the dialogue of {@link ShopAssistant}. Several
 * instances run, one per event loop, all selling from the same stock in {@link #data()}.
 */
public final class ShoeShopBot extends BotVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(ShoeShopBot.class);

  private ShopAssistant shop;

  @Override
  public String name() {
    return "shoe-shop";
  }

  @Override
  public Future<?> start() {
    String baseUrl = config().getString("PUBLIC_BASE_URL", "http://localhost:8080");
    BotMetrics metrics = BotMetrics.of(vertx, name());
    ShopData data = new ShopData(data(), () -> metrics.count("handover"));
    return vertx.executeBlocking(() -> {
          // Class-path reads and the word tables: built here, not on the event loop at the first message.
          Lexicon.get();
          SizeChart.get();
          return new ShopAssistant(Catalog.shared(), baseUrl, data);
        })
        .compose(ready -> data.open(Catalog.shared()).map(ready))
        .compose(ready -> {
          shop = ready;
          return super.start();
        });
  }

  @Override
  protected void routes(Routes r) {
    // A person has the conversation: the bot stays out until the shopper asks for it again.
    r.receive((turn, next) -> {
      List<Reply> handedOver = shop.whileHandedOver(turn.message(), turn.conversation().state());
      return handedOver == null ? next.get() : turn.reply(handedOver.toArray(Reply[]::new));
    });
    r.payload("BUY:{sku}", now((s, turn) -> shop.buy(s, turn.param("sku"))));
    r.payload("DETAILS:{sku}", now((s, turn) -> shop.details(s, turn.param("sku"))));
    r.payload("QTY:{count}", now((s, turn) -> shop.quantity(s, turn.param("count"))));
    r.payload("CANCEL_ORDER:{number}", answer((s, turn) -> shop.cancelOrder(s, turn.param("number"))));
    r.payload(Reply.MORE_PAYLOAD, now(s -> shop.more(s)));
    r.payload(Results.SHOW_RESULTS, now(s -> shop.showResults(s)));
    r.payload(Checkout.CHECKOUT, now(s -> shop.checkout().start(s.state, s.profile)));
    r.payload(Checkout.CONFIRM, answer((s, turn) -> shop.confirm(s)));
    r.payload(Checkout.CHANGE_ADDRESS, now(s -> shop.checkout().changeAddress(s.state)));
    r.payload(Checkout.CHANGE_PAYMENT, now(s -> shop.checkout().changePayment(s.state)));
    r.payload(Checkout.KEEP_SHOPPING, now(s -> shop.keepShopping(s.state)));
    r.payload("CART", now(s -> shop.checkout().showCart(s.state)));
    r.payload("EMPTY_CART", now(s -> shop.checkout().emptyCart(s.state)));
    r.payload("ORDER_STATUS", answer((s, turn) -> shop.checkout().status(s.profile, s.user, null)));
    r.payload("KEEP_ORDER", now(s -> shop.keepOrder(s.state)));
    r.payload("HUMAN", answer((s, turn) -> shop.handOver(s.state)));
    r.payload("HELP", now(s -> shop.help()));
    r.payload("START_OVER", now(s -> shop.startOver(s.state)));
    r.payload("CANCEL", now(s -> shop.cancel(s.state)));
    r.fallback(answer((s, turn) -> shop.onText(s)));
  }

  private Handler now(Function<ShopAssistant.Turn, List<Reply>> step) {
    return answer((s, turn) -> Future.succeededFuture(step.apply(s)));
  }

  private Handler now(BiFunction<ShopAssistant.Turn, Turn, List<Reply>> step) {
    return answer((s, turn) -> Future.succeededFuture(step.apply(s, turn)));
  }

  /** Reads the stock, runs one step of the dialogue, sends its replies; a bug never leaves the shopper in silence. */
  private Handler answer(BiFunction<ShopAssistant.Turn, Turn, Future<List<Reply>>> step) {
    return turn -> shop.turn(turn.message(), turn.conversation().state(), turn.conversation().profile())
        .compose(s -> step.apply(s, turn))
        .recover(e -> {
          LOG.error("shoe-shop failed conversation={} error=\"{}\"", turn.conversation().ref().key(), e.toString(),
              e);
          return Future.succeededFuture(List.of(Reply.text("Oops, something went wrong on my side. Could you say "
              + "that again?")));
        })
        .compose(replies -> turn.reply(replies.toArray(Reply[]::new)));
  }
}
