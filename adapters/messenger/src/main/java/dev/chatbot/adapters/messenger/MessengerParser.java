package dev.chatbot.adapters.messenger;

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
import java.util.List;

/**
 * Messenger webhook JSON ({@code {"object":"page","entry":[{"messaging":[...]}]}}) to neutral messages: text, quick
 * reply taps and postbacks (button taps, Get Started) as {@link Kind#POSTBACK}, image and location attachments.
 * Every entry and every messaging item of a batch counts. Echoes of the page's own messages, delivery and read
 * receipts and other events are not user messages and yield nothing. A field of the wrong type is refused naming
 * its path ({@link JsonFields}).
 */
final class MessengerParser implements WebhookParser {

  static final String PLATFORM = "messenger";

  @Override
  public List<Message> parse(MultiMap headers, Buffer rawBody) {
    JsonFields root = MetaJson.webhook(rawBody, "Messenger");
    List<Message> messages = new ArrayList<>();
    if (!"page".equals(root.string("object"))) {
      // Another product subscribed to the same URL (e.g. Instagram): acknowledged, not ours to handle.
      return messages;
    }
    for (JsonFields entry : root.objects("entry")) {
      // "standby" (handover protocol) and "changes" items are not conversations this bot owns.
      for (JsonFields event : entry.objects("messaging")) {
        int first = messages.size();
        parseEvent(event, messages);
        for (int i = first; i < messages.size(); i++) {
          messages.set(i, messages.get(i).withRaw(event.json()));
        }
      }
    }
    return messages;
  }

  private static void parseEvent(JsonFields event, List<Message> out) {
    String psid = event.object("sender").string("id");
    if (psid == null || psid.isEmpty()) {
      throw new BadRequestException(event.pathOf("sender.id") + " is missing");
    }
    ConversationRef conversation = ConversationRef.of(PLATFORM, psid);
    UserRef user = UserRef.of(PLATFORM, psid);
    Number sent = event.number("timestamp");
    long timestamp = sent == null ? System.currentTimeMillis() : sent.longValue();
    JsonFields message = event.objectOrNull("message");
    JsonFields postback = event.objectOrNull("postback");
    if (message != null && !message.bool("is_echo", false)) {
      parseMessage(message, conversation, user, timestamp, out);
    } else if (postback != null) {
      String payload = postback.string("payload", "");
      String id = postback.string("mid");
      if (id == null) {
        id = fallbackId(psid, timestamp, payload);
      }
      out.add(new Message(id, conversation, user, Kind.POSTBACK, postback.string("title"), payload, null, timestamp));
    }
    // delivery, read, reaction, optin, referral...: no user message.
  }

  private static void parseMessage(JsonFields message, ConversationRef conversation, UserRef user, long timestamp,
      List<Message> out) {
    String text = message.string("text");
    String mid = message.string("mid");
    if (mid == null) {
      mid = fallbackId(conversation.channel(), timestamp, String.valueOf(text));
    }
    JsonFields quickReply = message.objectOrNull("quick_reply");
    if (quickReply != null) {
      out.add(new Message(mid, conversation, user, Kind.POSTBACK, text, quickReply.string("payload", ""), null,
          timestamp));
      return;
    }
    List<JsonFields> attachments = message.objects("attachments");
    if (attachments.isEmpty()) {
      out.add(new Message(mid, conversation, user, text == null ? Kind.OTHER : Kind.TEXT, text, null, null, timestamp));
      return;
    }
    for (int i = 0; i < attachments.size(); i++) {
      // Several photos arrive as one message: one neutral message each, with ids that stay stable on redelivery.
      String id = i == 0 ? mid : mid + "#" + i;
      out.add(attachment(id, conversation, user, i == 0 ? text : null, attachments.get(i), timestamp));
    }
  }

  private static Message attachment(String id, ConversationRef conversation, UserRef user, String text,
      JsonFields attachment, long timestamp) {
    String type = attachment.string("type", "");
    JsonFields payload = attachment.object("payload");
    JsonFields coordinates = payload.objectOrNull("coordinates");
    if (type.equals("location") && coordinates != null) {
      return new Message(id, conversation, user, Kind.LOCATION, text, null,
          Attachment.location(coordinate(coordinates, "lat"), coordinate(coordinates, "long")), timestamp);
    }
    String url = payload.string("url");
    Attachment media = url == null ? null : Attachment.image(url);
    return new Message(id, conversation, user, type.equals("image") ? Kind.IMAGE : Kind.OTHER, text, null, media,
        timestamp);
  }

  private static double coordinate(JsonFields coordinates, String name) {
    Number value = coordinates.number(name);
    if (value == null) {
      throw new BadRequestException(coordinates.pathOf(name) + " is missing");
    }
    return value.doubleValue();
  }

  /** For events without a {@code mid}: the same event redelivered gets the same id, so dedupe still works. */
  static String fallbackId(String psid, long timestamp, String discriminator) {
    return "messenger:" + psid + ":" + timestamp + ":" + Integer.toHexString(discriminator.hashCode());
  }
}
