package dev.chatbot.bots.echo;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.List;

/**
 * The smallest useful bot: says back what it is told. Two words show the rest of the reply model:
 * {@code chips} answers with quick replies, {@code cards} with a small carousel.
 */
public final class EchoBot extends BotVerticle {

  @Override
  public String name() {
    return "echo";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    String input = message.input().trim();
    if (input.equalsIgnoreCase("chips")) {
      return conversation.reply(Reply.quickReplies("Pick one", "Red", "Green", "Blue"));
    }
    if (input.equalsIgnoreCase("cards")) {
      return conversation.reply(Reply.cards(List.of(
          Card.of("First", "A card with a button", null, Button.postback("Choose first", "first")),
          Card.of("Second", "Another one", null, Button.postback("Choose second", "second")))));
    }
    int count = conversation.state().getInteger("count", 0) + 1;
    conversation.state().put("count", count);
    return conversation.reply(Reply.text(input.isEmpty() ? "(nothing to echo)" : input));
  }
}
