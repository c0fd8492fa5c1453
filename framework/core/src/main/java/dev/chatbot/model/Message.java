package dev.chatbot.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One inbound user message, already parsed out of the platform's JSON.
 *
 * @param id the platform's own id (Messenger {@code mid}, WhatsApp message id, Slack {@code event_id}); used for dedupe
 * @param payload for {@link Kind#POSTBACK}: the tapped button's or quick reply's payload
 * @param attachment for {@link Kind#IMAGE} and {@link Kind#LOCATION}
 * @param raw the platform's own event this message came from (a Messenger {@code messaging} item, a WhatsApp
 *     {@code message}), for the rare bot that needs a field the neutral model lacks; null when the adapter keeps none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Stored from its fields, not its accessors: raw() hands out a copy, which every message kept would pay for.
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public record Message(
    String id,
    ConversationRef conversation,
    UserRef user,
    Kind kind,
    String text,
    String payload,
    Attachment attachment,
    long timestamp,
    JsonObject raw) {

  /** {@code EVENT}: not from the user but from the bot's own code (a reminder), see {@link #event}. */
  public enum Kind { TEXT, POSTBACK, IMAGE, LOCATION, OTHER, EVENT }

  /** An image (url) or a shared location (latitude, longitude). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Attachment(String url, Double latitude, Double longitude) {
    public static Attachment image(String url) {
      return new Attachment(url, null, null);
    }

    public static Attachment location(double latitude, double longitude) {
      return new Attachment(null, latitude, longitude);
    }
  }

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(kind, "kind");
    raw = raw == null ? null : raw.copy();
  }

  /** A message without the platform's raw event. */
  public Message(String id, ConversationRef conversation, UserRef user, Kind kind, String text, String payload,
      Attachment attachment, long timestamp) {
    this(id, conversation, user, kind, text, payload, attachment, timestamp, null);
  }

  /** This message carrying the platform's raw event (adapters call it; bots read {@link #raw()}). */
  public Message withRaw(JsonObject event) {
    return new Message(id, conversation, user, kind, text, payload, attachment, timestamp, event);
  }

  /** A copy of the platform's raw event, or null: reading it never changes the message. */
  @Override
  public JsonObject raw() {
    return raw == null ? null : raw.copy();
  }

  public static Message text(String id, ConversationRef conversation, UserRef user, String text) {
    return new Message(id, conversation, user, Kind.TEXT, text, null, null, System.currentTimeMillis());
  }

  /** A button or quick-reply tap; {@code title} is what the user saw, {@code payload} what the bot asked for. */
  public static Message postback(String id, ConversationRef conversation, UserRef user, String title, String payload) {
    return new Message(id, conversation, user, Kind.POSTBACK, title, payload, null, System.currentTimeMillis());
  }

  public static Message attachment(String id, ConversationRef conversation, UserRef user, Kind kind, Attachment attachment) {
    return new Message(id, conversation, user, kind, null, null, attachment, System.currentTimeMillis());
  }

  /**
   * An event from the bot's own code into a conversation (a reminder, an order shipped): queued and handled like a
   * user's message, in order and with the conversation's state. {@code payload} is the event's name, {@code raw} its
   * data.
   */
  public static Message event(ConversationRef conversation, UserRef user, String name, JsonObject data,
      long timestamp) {
    return new Message("event:" + java.util.UUID.randomUUID(), conversation, user, Kind.EVENT, null, name, null,
        timestamp, data == null ? new JsonObject() : data);
  }

  @JsonIgnore
  public boolean isPostback() {
    return kind == Kind.POSTBACK;
  }

  /** The payload of a tap, or the text the user typed: what most bots want to interpret. */
  public String input() {
    return payload != null ? payload : text == null ? "" : text;
  }
}
