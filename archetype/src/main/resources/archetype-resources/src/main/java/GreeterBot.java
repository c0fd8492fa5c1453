package ${package};

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.Locale;

/** Greets by name, remembering it in the conversation's state. Replace it with your own. */
public final class GreeterBot extends BotVerticle {

  static final String INTRODUCTION = "my name is ";

  /** What {@code BOT=...} selects. */
  @Override
  public String name() {
    return "${botName}";
  }

  @Override
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    String said = message.input().trim();
    if (said.toLowerCase(Locale.ROOT).startsWith(INTRODUCTION)) {
      conversation.state().put("name", said.substring(INTRODUCTION.length()).trim());
      return conversation.reply(Reply.quickReplies("Nice to meet you! Shall I say hello?", "Say hello"));
    }
    return conversation.reply(Reply.text(greeting(conversation.state().getString("name"))));
  }

  static String greeting(String name) {
    return name == null ? "Hello! What is your name? (say \"my name is ...\")" : "Hello, " + name + "!";
  }
}
