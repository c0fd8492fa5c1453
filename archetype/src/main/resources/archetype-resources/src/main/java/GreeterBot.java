package ${package};

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;

/** Greets by name, remembering it in the conversation's state. Replace it with your own. */
public final class GreeterBot extends BotVerticle {

  @Override
  public String name() {
    return "${botName}";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    String input = message.input().trim();
    if (input.toLowerCase().startsWith("my name is ")) {
      conversation.state().put("name", input.substring("my name is ".length()).trim());
      return conversation.reply(Reply.quickReplies("Nice to meet you! Shall I say hello?", "Say hello"));
    }
    String name = conversation.state().getString("name");
    return conversation.reply(Reply.text(name == null ? "Hello! What is your name? (say \"my name is ...\")"
        : "Hello, " + name + "!"));
  }
}
