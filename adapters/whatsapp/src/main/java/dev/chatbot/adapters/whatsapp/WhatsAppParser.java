package dev.chatbot.adapters.whatsapp;

import dev.chatbot.adapters.meta.MetaJson;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Message.Attachment;
import dev.chatbot.model.Message.Kind;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.WebhookParser;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WhatsApp Cloud webhook JSON ({@code entry[].changes[].value.messages[]}) to neutral messages: text, interactive
 * {@code button_reply} / {@code list_reply} and template quick-reply buttons as {@link Kind#POSTBACK} (the reply id is
 * the payload, its title the text), image (the media id as {@code whatsapp-media:<id>}) and location. Delivery
 * {@code statuses}, reactions and system notices are not user messages and yield nothing.
 */
final class WhatsAppParser implements WebhookParser {

  static final String PLATFORM = "whatsapp";
  /** The scheme of an inbound media reference: the Graph media id, to be fetched with the access token. */
  static final String MEDIA_SCHEME = "whatsapp-media:";
  private static final Set<String> NOT_FROM_THE_USER = Set.of("reaction", "system", "ephemeral");

  @Override
  public List<Message> parse(MultiMap headers, Buffer rawBody) {
    JsonObject root = MetaJson.objectOrNull(rawBody);
    if (root == null) {
      throw new BadRequestException("a WhatsApp webhook is a JSON object");
    }
    if (!(root.getValue("object") instanceof String object)) {
      throw new BadRequestException("\"object\" is missing: not a WhatsApp webhook");
    }
    if (!(root.getValue("entry") instanceof JsonArray entries)) {
      throw new BadRequestException("\"entry\" must be an array");
    }
    List<Message> messages = new ArrayList<>();
    if (!"whatsapp_business_account".equals(object)) {
      return messages;
    }
    for (Object entry : entries) {
      JsonArray changes = entry instanceof JsonObject item ? item.getJsonArray("changes") : null;
      for (Object change : changes == null ? new JsonArray() : changes) {
        if (change instanceof JsonObject messagesChange && "messages".equals(messagesChange.getString("field"))) {
          parseValue(messagesChange.getJsonObject("value", new JsonObject()), messages);
        }
      }
    }
    return messages;
  }

  private static void parseValue(JsonObject value, List<Message> out) {
    Map<String, String> names = new HashMap<>();
    for (Object contact : value.getJsonArray("contacts", new JsonArray())) {
      if (contact instanceof JsonObject c && c.getString("wa_id") != null && c.getJsonObject("profile") != null) {
        names.put(c.getString("wa_id"), c.getJsonObject("profile").getString("name"));
      }
    }
    // value.statuses (sent, delivered, read, failed) are about our messages, not from the user.
    for (Object item : value.getJsonArray("messages", new JsonArray())) {
      if (!(item instanceof JsonObject message)) {
        throw new BadRequestException("\"messages\" items must be objects");
      }
      Message parsed = parseMessage(message, names);
      if (parsed != null) {
        out.add(parsed.withRaw(message));
      }
    }
  }

  private static Message parseMessage(JsonObject message, Map<String, String> names) {
    String id = message.getString("id");
    String from = message.getString("from");
    if (id == null || id.isEmpty() || from == null || from.isEmpty()) {
      throw new BadRequestException("a message has no id or from");
    }
    String type = message.getString("type", "unknown");
    if (NOT_FROM_THE_USER.contains(type)) {
      return null;
    }
    ConversationRef conversation = ConversationRef.of(PLATFORM, from);
    UserRef user = new UserRef(PLATFORM, from, names.get(from));
    long timestamp = seconds(message.getValue("timestamp")) * 1000;
    JsonObject content = message.getJsonObject(type, new JsonObject());
    switch (type) {
      case "text":
        return new Message(id, conversation, user, Kind.TEXT, content.getString("body", ""), null, null, timestamp);
      case "interactive": {
        String interactiveType = content.getString("type", "");
        JsonObject reply = content.getJsonObject(interactiveType);
        if (reply != null && (interactiveType.equals("button_reply") || interactiveType.equals("list_reply"))) {
          return new Message(id, conversation, user, Kind.POSTBACK, reply.getString("title"), reply.getString("id"),
              null, timestamp);
        }
        return new Message(id, conversation, user, Kind.OTHER, null, null, null, timestamp);
      }
      case "button":
        // A quick-reply button of a template message.
        return new Message(id, conversation, user, Kind.POSTBACK, content.getString("text"),
            content.getString("payload", content.getString("text")), null, timestamp);
      case "image":
        return new Message(id, conversation, user, Kind.IMAGE, content.getString("caption"), null,
            media(content), timestamp);
      case "location":
        return new Message(id, conversation, user, Kind.LOCATION, content.getString("name"), null,
            Attachment.location(content.getDouble("latitude"), content.getDouble("longitude")), timestamp);
      default:
        // Audio, video, documents, stickers, contacts, unsupported: the bot learns something arrived it can't read.
        return new Message(id, conversation, user, Kind.OTHER, content.getString("caption"), null, media(content),
            timestamp);
    }
  }

  private static Attachment media(JsonObject content) {
    String mediaId = content.getString("id");
    return mediaId == null ? null : Attachment.image(MEDIA_SCHEME + mediaId);
  }

  private static long seconds(Object timestamp) {
    if (timestamp instanceof Number number) {
      return number.longValue();
    }
    try {
      return timestamp == null ? System.currentTimeMillis() / 1000 : Long.parseLong(timestamp.toString());
    } catch (NumberFormatException e) {
      throw new BadRequestException("timestamp must be a number of seconds, got '" + timestamp + "'");
    }
  }
}
