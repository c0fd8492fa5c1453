package dev.chatbot.cluster;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers "{n}:{text}", n counting this conversation's messages in its state, after a short random delay so that a
 * broken order would show (not for text starting "now ", used to measure latency; "slow N" waits N ms). "address X"
 * saves X in the user's profile; "address?" answers with the saved one.
 */
public final class CountingBot extends BotVerticle {

  @Override
  public String name() {
    return "counting";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    int count = conversation.state().getInteger("count", 0) + 1;
    conversation.state().put("count", count);
    String input = message.input();
    String answer;
    if (input.startsWith("address ")) {
      conversation.profile().put("address", input.substring("address ".length()));
      answer = "saved";
    } else if (input.equals("address?")) {
      answer = conversation.profile().getString("address", "none");
    } else {
      answer = input;
    }
    if (input.startsWith("now ")) {
      return conversation.reply(Reply.text(count + ":" + answer));
    }
    Promise<Void> later = Promise.promise();
    long delay = input.startsWith("slow ") ? Long.parseLong(input.substring("slow ".length()))
        : 1 + ThreadLocalRandom.current().nextInt(3);
    vertx.setTimer(delay, timer -> later.complete());
    return later.future().compose(done -> conversation.reply(Reply.text(count + ":" + answer)));
  }
}
