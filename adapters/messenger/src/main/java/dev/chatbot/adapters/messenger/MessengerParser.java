package dev.chatbot.adapters.messenger;

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
import java.util.List;

/**
 * Messenger webhook JSON ({@code {"object":"page","entry":[{"messaging":[...]}]}}) to neutral messages: text, quick
 * reply taps and postbacks (button taps, Get Started) as {@link Kind#POSTBACK}, image and location attachments.
 * Every entry and every messaging item of a batch counts. Echoes of the page's own messages, delivery and read
 * receipts and other events are not user messages and yield nothing.
 */
final class MessengerParser implements WebhookParser {

  static final String PLATFORM = "messenger";

  @Override
  public List<Message> parse(MultiMap headers, Buffer rawBody) {
    JsonObject root = MetaJson.objectOrNull(rawBody);
    if (root == null) {
      throw new BadRequestException("a Messenger webhook is a JSON object");
    }
    if (!(root.getValue("object") instanceof String object)) {
      throw new BadRequestException("\"object\" is missing: not a Messenger webhook");
    }
    if (!(root.getValue("entry") instanceof JsonArray entries)) {
      throw new BadRequestException("\"entry\" must be an array");
    }
    List<Message> messages = new ArrayList<>();
    if (!"page".equals(object)) {
      // Another product subscribed to the same URL (e.g. Instagram): acknowledged, not ours to handle.
      return messages;
    }
    for (Object entry : entries) {
      // "standby" (handover protocol) and "changes" items are not conversations this bot owns.
      JsonArray messaging = entry instanceof JsonObject item ? item.getJsonArray("messaging") : null;
      if (messaging == null) {
        continue;
      }
      for (Object event : messaging) {
        if (!(event instanceof JsonObject messagingEvent)) {
          throw new BadRequestException("\"messaging\" items must be objects");
        }
        int first = messages.size();
        parseEvent(messagingEvent, messages);
        for (int i = first; i < messages.size(); i++) {
          messages.set(i, messages.get(i).withRaw(messagingEvent));
        }
      }
    }
    return messages;
  }

  private static void parseEvent(JsonObject event, List<Message> out) {
    JsonObject sender = event.getJsonObject("sender");
    String psid = sender == null ? null : sender.getString("id");
    if (psid == null || psid.isEmpty()) {
      throw new BadRequestException("a messaging item has no sender.id");
    }
    ConversationRef conversation = ConversationRef.of(PLATFORM, psid);
    UserRef user = UserRef.of(PLATFORM, psid);
    long timestamp = event.getLong("timestamp", System.currentTimeMillis());
    JsonObject message = event.getJsonObject("message");
    JsonObject postback = event.getJsonObject("postback");
    if (message != null && !message.getBoolean("is_echo", false)) {
      parseMessage(message, conversation, user, timestamp, out);
    } else if (postback != null) {
      String payload = postback.getString("payload", "");
      String id = postback.getString("mid");
      if (id == null) {
        id = fallbackId(psid, timestamp, payload);
      }
      out.add(new Message(id, conversation, user, Kind.POSTBACK, postback.getString("title"), payload, null, timestamp));
    }
    // delivery, read, reaction, optin, referral...: no user message.
  }

  private static void parseMessage(JsonObject message, ConversationRef conversation, UserRef user, long timestamp,
      List<Message> out) {
    String text = message.getString("text");
    String mid = message.getString("mid");
    if (mid == null) {
      mid = fallbackId(conversation.channel(), timestamp, String.valueOf(text));
    }
    JsonObject quickReply = message.getJsonObject("quick_reply");
    if (quickReply != null) {
      out.add(new Message(mid, conversation, user, Kind.POSTBACK, text, quickReply.getString("payload", ""), null,
          timestamp));
      return;
    }
    JsonArray attachments = message.getJsonArray("attachments");
    if (attachments == null || attachments.isEmpty()) {
      out.add(new Message(mid, conversation, user, text == null ? Kind.OTHER : Kind.TEXT, text, null, null, timestamp));
      return;
    }
    for (int i = 0; i < attachments.size(); i++) {
      // Several photos arrive as one message: one neutral message each, with ids that stay stable on redelivery.
      String id = i == 0 ? mid : mid + "#" + i;
      out.add(attachment(id, conversation, user, i == 0 ? text : null, attachments.getJsonObject(i), timestamp));
    }
  }

  private static Message attachment(String id, ConversationRef conversation, UserRef user, String text,
      JsonObject attachment, long timestamp) {
    String type = attachment.getString("type", "");
    JsonObject payload = attachment.getJsonObject("payload", new JsonObject());
    if (type.equals("location") && payload.getJsonObject("coordinates") != null) {
      JsonObject coordinates = payload.getJsonObject("coordinates");
      return new Message(id, conversation, user, Kind.LOCATION, text, null,
          Attachment.location(coordinates.getDouble("lat"), coordinates.getDouble("long")), timestamp);
    }
    String url = payload.getString("url");
    Attachment media = url == null ? null : Attachment.image(url);
    return new Message(id, conversation, user, type.equals("image") ? Kind.IMAGE : Kind.OTHER, text, null, media,
        timestamp);
  }

  /** For events without a {@code mid}: the same event redelivered gets the same id, so dedupe still works. */
  static String fallbackId(String psid, long timestamp, String discriminator) {
    return "messenger:" + psid + ":" + timestamp + ":" + Integer.toHexString(discriminator.hashCode());
  }
}
