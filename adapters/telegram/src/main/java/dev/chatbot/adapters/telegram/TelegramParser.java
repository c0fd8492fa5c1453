package dev.chatbot.adapters.telegram;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Message.Attachment;
import dev.chatbot.model.Message.Kind;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Pure: one webhook body (an {@code Update}) in, what it means out. The message id is the {@code update_id}, so a
 * redelivered update is a duplicate; the conversation is the chat (and the forum topic, when there is one); the user
 * is {@code from}.
 *
 * <ul>
 *   <li>{@code message}: text (commands such as {@code /start} too), a photo (its caption as text), a location;
 *       other kinds (stickers, voice...) arrive as {@link Kind#OTHER};
 *   <li>{@code callback_query}: a tap on an inline button, a {@link Kind#POSTBACK} whose payload is the button's
 *       {@code callback_data} and whose text is the button's label, found in the message's keyboard;
 *   <li>ignored: edits, channel posts, messages from bots, and every other update type.
 * </ul>
 */
final class TelegramParser {

  private TelegramParser() {}

  static TelegramUpdate parse(Buffer body) {
    JsonObject update = body.toJsonObject();
    Long updateId = update.getLong("update_id");
    if (updateId == null) {
      throw new BadRequestException("an update needs an update_id");
    }
    String id = String.valueOf(updateId);
    JsonObject message = update.getJsonObject("message");
    if (message != null) {
      return new TelegramUpdate(fromMessage(id, message), null);
    }
    JsonObject callback = update.getJsonObject("callback_query");
    if (callback != null) {
      return fromCallback(id, callback);
    }
    return TelegramUpdate.ignored();
  }

  private static List<Message> fromMessage(String id, JsonObject message) {
    JsonObject from = message.getJsonObject("from");
    if (from == null || from.getBoolean("is_bot", false)) {
      return List.of();
    }
    ConversationRef conversation = conversation(message);
    UserRef user = user(from);
    long timestamp = message.getLong("date", 0L) * 1000;
    String text = message.getString("text");
    if (text != null) {
      return List.of(new Message(id, conversation, user, Kind.TEXT, text, null, null, timestamp));
    }
    JsonObject location = message.getJsonObject("location");
    if (location != null) {
      return List.of(new Message(id, conversation, user, Kind.LOCATION, null, null,
          Attachment.location(location.getDouble("latitude"), location.getDouble("longitude")), timestamp));
    }
    // A photo's file can only be fetched with the bot token in the URL, which must not travel in messages and
    // state; a bot that wants the picture asks the Bot API with getFile.
    Kind kind = message.containsKey("photo") ? Kind.IMAGE : Kind.OTHER;
    return List.of(new Message(id, conversation, user, kind, message.getString("caption"), null, null, timestamp));
  }

  private static TelegramUpdate fromCallback(String id, JsonObject callback) {
    String queryId = callback.getString("id");
    JsonObject from = callback.getJsonObject("from");
    JsonObject message = callback.getJsonObject("message");
    String data = callback.getString("data");
    // Without the message (a button under an inline-mode result) there is no chat to answer in; without data (a
    // game) there is nothing to hand the bot. The query is still answered.
    if (from == null || message == null || message.getJsonObject("chat") == null || data == null) {
      return new TelegramUpdate(List.of(), queryId);
    }
    long timestamp = message.getLong("date", 0L) * 1000;
    Message tap = new Message(id, conversation(message), user(from), Kind.POSTBACK, buttonText(message, data), data,
        null, timestamp);
    return new TelegramUpdate(List.of(tap), queryId);
  }

  private static ConversationRef conversation(JsonObject message) {
    JsonObject chat = message.getJsonObject("chat");
    if (chat == null || chat.getValue("id") == null) {
      throw new BadRequestException("a message needs chat.id");
    }
    String thread = message.getBoolean("is_topic_message", false) && message.getValue("message_thread_id") != null
        ? String.valueOf(message.getValue("message_thread_id")) : null;
    return new ConversationRef(TelegramAdapter.PLATFORM, String.valueOf(chat.getValue("id")), thread);
  }

  private static UserRef user(JsonObject from) {
    if (from.getValue("id") == null) {
      throw new BadRequestException("from needs an id");
    }
    return new UserRef(TelegramAdapter.PLATFORM, String.valueOf(from.getValue("id")), from.getString("first_name"));
  }

  /** The label of the tapped button, as the user saw it; the data itself when the keyboard is not included. */
  private static String buttonText(JsonObject message, String data) {
    JsonObject markup = message.getJsonObject("reply_markup");
    JsonArray rows = markup == null ? null : markup.getJsonArray("inline_keyboard");
    if (rows != null) {
      for (Object row : rows) {
        for (Object button : (JsonArray) row) {
          JsonObject key = (JsonObject) button;
          if (data.equals(key.getString("callback_data"))) {
            return key.getString("text", data);
          }
        }
      }
    }
    return data;
  }
}
