package dev.chatbot.testkit;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.Message;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.stream.IntStream;

/**
 * A bot for adapter authors ({@code BOT=showcase}): each command answers with one reply kind, most of them beyond
 * what a platform allows, so a test can check how an adapter renders every kind once the core has fitted it to the
 * adapter's capabilities. Anything else is echoed as text.
 *
 * <table>
 *   <caption>Commands</caption>
 *   <tr><td>{@code twelve cards}</td><td>12 cards with over-long titles, an image and four buttons each</td></tr>
 *   <tr><td>{@code many chips}</td><td>15 quick replies with over-long titles</td></tr>
 *   <tr><td>{@code five chips}</td><td>5 quick replies ("Which colour?")</td></tr>
 *   <tr><td>{@code long text}</td><td>{@link #LONG_TEXT}, longer than any platform's message limit</td></tr>
 *   <tr><td>{@code picture}</td><td>the image {@code /assets/shoes/1.jpg} with the caption "A shoe"</td></tr>
 *   <tr><td>{@code typing}</td><td>a typing indicator, then the text "done"</td></tr>
 * </table>
 */
public final class ShowcaseBot extends BotVerticle {

  /** What {@code long text} answers: 900 words, 5,399 characters. */
  public static final String LONG_TEXT = IntStream.range(0, 900).mapToObj(i -> "word" + (i % 10))
      .reduce((a, b) -> a + " " + b).orElseThrow();

  @Override
  public String name() {
    return "showcase";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    switch (message.input()) {
      case "twelve cards":
        return conversation.reply(Reply.cards(IntStream.rangeClosed(1, 12).mapToObj(n -> Card.of(
            "Shoe " + n + " " + "x".repeat(100), "$1" + n + "9.00", "/assets/shoes/" + n + ".jpg",
            Button.postback("Buy", "BUY:" + n), Button.link("Details", "https://shop.example.com/" + n),
            Button.postback("Save", "SAVE:" + n), Button.postback("Share", "SHARE:" + n))).toList()));
      case "many chips":
        return conversation.reply(Reply.quickReplies("Pick a size",
            IntStream.rangeClosed(1, 15).mapToObj(n -> QuickReply.of("Size " + n + " (a very long title)", "SIZE:" + n))
                .toList()));
      case "five chips":
        return conversation.reply(Reply.quickReplies("Which colour?", "Black", "Brown", "Tan", "Navy", "White"));
      case "long text":
        return conversation.reply(Reply.text(LONG_TEXT));
      case "picture":
        return conversation.reply(new Reply.Image("/assets/shoes/1.jpg", "A shoe"));
      case "typing":
        return conversation.reply(Reply.typing(), Reply.text("done"));
      default:
        return conversation.reply(Reply.text(message.input()));
    }
  }
}
