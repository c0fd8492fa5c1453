package dev.chatbot.stub;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;

/**
 * The delivery tests' bot ({@code BOT=stub-echo}): says back what it is told. Three words do more: {@code count}
 * counts in the conversation state and says the count, {@code fail} changes the state and then fails, and
 * {@code long:N} answers with N characters.
 */
public final class StubEchoBot extends BotVerticle {

  @Override
  public String name() {
    return "stub-echo";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    String text = message.text();
    if (text.equals("count")) {
      int count = conversation.state().getInteger("count", 0) + 1;
      conversation.state().put("count", count);
      return conversation.reply(Reply.text(String.valueOf(count)));
    }
    if (text.equals("fail")) {
      conversation.state().put("count", 100);
      return Future.failedFuture("the bot failed half-way");
    }
    if (text.startsWith("long:")) {
      return conversation.reply(Reply.text("x".repeat(Integer.parseInt(text.substring(5)))));
    }
    return conversation.reply(Reply.text(text));
  }
}
