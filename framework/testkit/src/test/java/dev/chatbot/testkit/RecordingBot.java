package dev.chatbot.testkit;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A test bot that answers "{n}:{text}" where n counts this conversation's messages (kept in state), after a short
 * random delay so that a broken ordering would show. "hold" waits until {@link #RELEASE} completes.
 */
public final class RecordingBot extends BotVerticle {

  static volatile CompletableFuture<Void> RELEASE = new CompletableFuture<>();

  @Override
  public String name() {
    return "recording";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    int count = conversation.state().getInteger("count", 0) + 1;
    conversation.state().put("count", count);
    Promise<Void> ready = Promise.promise();
    if ("hold".equals(message.text())) {
      RELEASE.whenComplete((done, failure) -> ready.complete());
    } else {
      vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(5), timer -> ready.complete());
    }
    return ready.future().compose(done -> conversation.reply(Reply.text(count + ":" + message.input())));
  }
}
