package dev.chatbot.stub;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;

/** The delivery tests' bot ({@code BOT=stub-echo}): says back what it is told. */
public final class StubEchoBot extends BotVerticle {

  @Override
  public String name() {
    return "stub-echo";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    return conversation.reply(Reply.text(message.text()));
  }
}
