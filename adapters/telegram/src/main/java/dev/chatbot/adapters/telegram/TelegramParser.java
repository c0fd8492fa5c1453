package dev.chatbot.adapters.telegram;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Message.Attachment;
import dev.chatbot.model.Message.Kind;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.JsonFields;
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
    JsonFields update = JsonFields.of(body.toJsonObject());
    Number updateId = update.number("update_id");
    if (updateId == null) {
      throw new BadRequestException("an update needs an update_id");
    }
    String id = String.valueOf(updateId.longValue());
    JsonFields message = update.objectOrNull("message");
    if (message != null) {
      return new TelegramUpdate(fromMessage(id, message), null);
    }
    JsonFields callback = update.objectOrNull("callback_query");
    if (callback != null) {
      return fromCallback(id, callback);
    }
    return TelegramUpdate.ignored();
  }

  private static List<Message> fromMessage(String id, JsonFields message) {
    JsonFields from = message.objectOrNull("from");
    if (from == null || from.bool("is_bot", false)) {
      return List.of();
    }
    ConversationRef conversation = conversation(message);
    UserRef user = user(from);
    long timestamp = seconds(message, "date") * 1000;
    String text = message.string("text");
    if (text != null) {
      return List.of(new Message(id, conversation, user, Kind.TEXT, text, null, null, timestamp));
    }
    JsonFields location = message.objectOrNull("location");
    if (location != null) {
      return List.of(new Message(id, conversation, user, Kind.LOCATION, null, null,
          Attachment.location(coordinate(location, "latitude"), coordinate(location, "longitude")), timestamp));
    }
    // A photo's file can only be fetched with the bot token in the URL, which must not travel in messages and
    // state; a bot that wants the picture asks the Bot API with getFile.
    Kind kind = message.has("photo") ? Kind.IMAGE : Kind.OTHER;
    return List.of(new Message(id, conversation, user, kind, message.string("caption"), null, null, timestamp));
  }

  private static TelegramUpdate fromCallback(String id, JsonFields callback) {
    String queryId = callback.string("id");
    JsonFields from = callback.objectOrNull("from");
    JsonFields message = callback.objectOrNull("message");
    String data = callback.string("data");
    // Without the message (a button under an inline-mode result) there is no chat to answer in; without data (a
    // game) there is nothing to hand the bot. The query is still answered.
    if (from == null || message == null || message.objectOrNull("chat") == null || data == null) {
      return new TelegramUpdate(List.of(), queryId);
    }
    long timestamp = seconds(message, "date") * 1000;
    Message tap = new Message(id, conversation(message), user(from), Kind.POSTBACK, buttonText(message, data), data,
        null, timestamp);
    return new TelegramUpdate(List.of(tap), queryId);
  }

  private static ConversationRef conversation(JsonFields message) {
    JsonFields chat = message.object("chat");
    Number chatId = chat.number("id");
    if (chatId == null) {
      throw new BadRequestException("a message needs " + chat.pathOf("id"));
    }
    Number topic = message.number("message_thread_id");
    String thread = message.bool("is_topic_message", false) && topic != null ? String.valueOf(topic.longValue()) : null;
    return new ConversationRef(TelegramAdapter.PLATFORM, String.valueOf(chatId.longValue()), thread);
  }

  private static UserRef user(JsonFields from) {
    Number userId = from.number("id");
    if (userId == null) {
      throw new BadRequestException(from.pathOf("id") + " is missing");
    }
    return new UserRef(TelegramAdapter.PLATFORM, String.valueOf(userId.longValue()), from.string("first_name"));
  }

  private static long seconds(JsonFields object, String name) {
    Number value = object.number(name);
    return value == null ? 0L : value.longValue();
  }

  private static double coordinate(JsonFields location, String name) {
    Number value = location.number(name);
    if (value == null) {
      throw new BadRequestException(location.pathOf(name) + " is missing");
    }
    return value.doubleValue();
  }

  /** The label of the tapped button, as the user saw it; the data itself when the keyboard is not included. */
  private static String buttonText(JsonFields message, String data) {
    JsonFields markup = message.object("reply_markup");
    JsonArray rows = markup.array("inline_keyboard");
    for (int r = 0; r < rows.size(); r++) {
      if (!(rows.getValue(r) instanceof JsonArray row)) {
        throw new BadRequestException(markup.pathOf("inline_keyboard") + "[" + r + "] must be an array");
      }
      for (int b = 0; b < row.size(); b++) {
        if (row.getValue(b) instanceof JsonObject key && data.equals(key.getValue("callback_data"))) {
          return key.getValue("text") instanceof String label ? label : data;
        }
      }
    }
    return data;
  }
}
