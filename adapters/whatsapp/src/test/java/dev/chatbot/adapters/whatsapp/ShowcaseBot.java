package dev.chatbot.adapters.whatsapp;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.Message;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.stream.IntStream;

/** A test bot whose replies go over WhatsApp's limits, for the fitting tests. */
public final class ShowcaseBot extends BotVerticle {

  static final String LONG_TEXT = IntStream.range(0, 900).mapToObj(i -> "word" + (i % 10)).reduce((a, b) -> a + " " + b)
      .orElseThrow();

  @Override
  public String name() {
    return "meta-showcase";
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
