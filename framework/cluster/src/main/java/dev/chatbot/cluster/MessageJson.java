package dev.chatbot.cluster;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import io.vertx.core.json.JsonObject;

/**
 * A message as JSON, field by field: what members forward to each other and keep in the inbox map. Written by hand
 * so that no message goes through the reflective mapper ({@code JsonObject.mapFrom}/{@code mapTo}) on its way.
 */
final class MessageJson {

  private MessageJson() {}

  static JsonObject encode(Message message) {
    ConversationRef conversation = message.conversation();
    UserRef user = message.user();
    JsonObject json = new JsonObject()
        .put("id", message.id())
        .put("conversation", optional(new JsonObject().put("platform", conversation.platform())
            .put("channel", conversation.channel()), "thread", conversation.thread()))
        .put("user", optional(new JsonObject().put("platform", user.platform()).put("id", user.id()),
            "name", user.name()))
        .put("kind", message.kind().name())
        .put("timestamp", message.timestamp());
    optional(json, "text", message.text());
    optional(json, "payload", message.payload());
    Message.Attachment attachment = message.attachment();
    if (attachment != null) {
      json.put("attachment", optional(optional(optional(new JsonObject(), "url", attachment.url()),
          "latitude", attachment.latitude()), "longitude", attachment.longitude()));
    }
    JsonObject raw = message.raw();
    return raw == null ? json : json.put("raw", raw);
  }

  static Message decode(JsonObject json) {
    JsonObject conversation = json.getJsonObject("conversation");
    JsonObject user = json.getJsonObject("user");
    JsonObject attachment = json.getJsonObject("attachment");
    return new Message(json.getString("id"),
        new ConversationRef(conversation.getString("platform"), conversation.getString("channel"),
            conversation.getString("thread")),
        new UserRef(user.getString("platform"), user.getString("id"), user.getString("name")),
        Message.Kind.valueOf(json.getString("kind")),
        json.getString("text"),
        json.getString("payload"),
        attachment == null ? null : new Message.Attachment(attachment.getString("url"),
            attachment.getDouble("latitude"), attachment.getDouble("longitude")),
        json.getLong("timestamp", 0L),
        json.getJsonObject("raw"));
  }

  private static JsonObject optional(JsonObject json, String name, Object value) {
    return value == null ? json : json.put(name, value);
  }
}
