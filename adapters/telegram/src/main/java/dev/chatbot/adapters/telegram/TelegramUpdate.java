package dev.chatbot.adapters.telegram;

import dev.chatbot.model.Message;
import java.util.List;

/**
 * What one webhook update carries: the user messages for the bot (none for edits, bots' messages, chat member
 * changes...) and, for a button tap, the callback query to answer so the button stops spinning.
 */
record TelegramUpdate(List<Message> messages, String callbackQueryId) {

  static TelegramUpdate ignored() {
    return new TelegramUpdate(List.of(), null);
  }
}
