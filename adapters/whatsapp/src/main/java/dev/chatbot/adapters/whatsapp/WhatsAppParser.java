package dev.chatbot.adapters.whatsapp;

import dev.chatbot.adapters.meta.MetaJson;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Message.Attachment;
import dev.chatbot.model.Message.Kind;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.JsonFields;
import dev.chatbot.spi.WebhookParser;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
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
    JsonFields root = MetaJson.webhook(rawBody, "WhatsApp");
    List<Message> messages = new ArrayList<>();
    if (!"whatsapp_business_account".equals(root.string("object"))) {
      return messages;
    }
    for (JsonFields entry : root.objects("entry")) {
      for (JsonFields change : entry.objects("changes")) {
        if ("messages".equals(change.string("field"))) {
          parseValue(change.object("value"), messages);
        }
      }
    }
    return messages;
  }

  private static void parseValue(JsonFields value, List<Message> out) {
    Map<String, String> names = new HashMap<>();
    for (JsonFields contact : value.objects("contacts")) {
      String waId = contact.string("wa_id");
      JsonFields profile = contact.objectOrNull("profile");
      if (waId != null && profile != null) {
        names.put(waId, profile.string("name"));
      }
    }
    // value.statuses (sent, delivered, read, failed) are about our messages, not from the user.
    for (JsonFields message : value.objects("messages")) {
      Message parsed = parseMessage(message, names);
      if (parsed != null) {
        out.add(parsed.withRaw(message.json()));
      }
    }
  }

  private static Message parseMessage(JsonFields message, Map<String, String> names) {
    String id = message.string("id");
    String from = message.string("from");
    if (id == null || id.isEmpty() || from == null || from.isEmpty()) {
      throw new BadRequestException("a message has no id or from (" + message.pathOf("id") + ", "
          + message.pathOf("from") + ")");
    }
    String type = message.string("type", "unknown");
    if (NOT_FROM_THE_USER.contains(type)) {
      return null;
    }
    ConversationRef conversation = ConversationRef.of(PLATFORM, from);
    UserRef user = new UserRef(PLATFORM, from, names.get(from));
    long timestamp = seconds(message) * 1000;
    JsonFields content = message.object(type);
    switch (type) {
      case "text":
        return new Message(id, conversation, user, Kind.TEXT, content.string("body", ""), null, null, timestamp);
      case "interactive": {
        String interactiveType = content.string("type", "");
        if (interactiveType.equals("button_reply") || interactiveType.equals("list_reply")) {
          JsonFields reply = content.object(interactiveType);
          return new Message(id, conversation, user, Kind.POSTBACK, reply.string("title"), reply.string("id"),
              null, timestamp);
        }
        return new Message(id, conversation, user, Kind.OTHER, null, null, null, timestamp);
      }
      case "button":
        // A quick-reply button of a template message.
        return new Message(id, conversation, user, Kind.POSTBACK, content.string("text"),
            content.string("payload", content.string("text")), null, timestamp);
      case "image":
        return new Message(id, conversation, user, Kind.IMAGE, content.string("caption"), null,
            media(content), timestamp);
      case "location":
        return new Message(id, conversation, user, Kind.LOCATION, content.string("name"), null,
            Attachment.location(coordinate(content, "latitude"), coordinate(content, "longitude")), timestamp);
      default:
        // Audio, video, documents, stickers, contacts, unsupported: the bot learns something arrived it can't read.
        return new Message(id, conversation, user, Kind.OTHER, content.string("caption"), null, media(content),
            timestamp);
    }
  }

  private static double coordinate(JsonFields location, String name) {
    Number value = location.number(name);
    if (value == null) {
      throw new BadRequestException(location.pathOf(name) + " is missing");
    }
    return value.doubleValue();
  }

  private static Attachment media(JsonFields content) {
    String mediaId = content.string("id");
    return mediaId == null ? null : Attachment.image(MEDIA_SCHEME + mediaId);
  }

  /** WhatsApp sends the time as a string of epoch seconds; a number is taken too. */
  private static long seconds(JsonFields message) {
    Object timestamp = message.json().getValue("timestamp");
    if (timestamp == null) {
      return System.currentTimeMillis() / 1000;
    }
    if (timestamp instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(message.string("timestamp"));
    } catch (NumberFormatException e) {
      throw new BadRequestException(message.pathOf("timestamp") + " must be a number of seconds");
    }
  }
}
