package dev.chatbot.bots.shoeshop;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shoe-shop bot ({@code BOT=shoe-shop}, the default): a shop assistant that finds shoes in the catalog, keeps a
 * cart and checks out. The dialogue itself is {@link ShopAssistant}; this verticle reads the catalog and the word
 * lists once (off the event loop), opens the shelves in the bot-wide store, and turns each message into replies.
 * Several instances run, one per event loop, all selling from the same stock in {@link #data()}; everything about a
 * conversation lives in its state and profile.
 */
public final class ShoeShopBot extends BotVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(ShoeShopBot.class);

  private ShopAssistant assistant;

  @Override
  public String name() {
    return "shoe-shop";
  }

  @Override
  public Future<?> start() {
    String baseUrl = config().getString("PUBLIC_BASE_URL", "http://localhost:8080");
    ShopData shop = new ShopData(data());
    return vertx.executeBlocking(() -> {
          // Class-path reads and the word tables: built here, not on the event loop at the first message.
          Lexicon.get();
          SizeChart.get();
          return new ShopAssistant(Catalog.shared(), baseUrl, shop);
        })
        .compose(ready -> shop.open(Catalog.shared()).map(ready))
        .compose(ready -> {
          assistant = ready;
          return super.start();
        });
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    Future<List<Reply>> replies;
    try {
      replies = assistant.respond(message, conversation.state(), conversation.profile());
    } catch (RuntimeException e) {
      replies = Future.failedFuture(e);
    }
    return replies.recover(e -> {
      // A bug must not leave the shopper in silence.
      LOG.error("shoe-shop failed conversation={} error=\"{}\"", conversation.ref().key(), e.toString(), e);
      return Future.succeededFuture(List.of(Reply.text("Oops, something went wrong on my side. Could you say that "
          + "again?")));
    }).compose(conversation::reply);
  }
}
