package dev.chatbot.dialog;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import io.vertx.core.json.JsonObject;

/**
 * A conversation handed to a person ({@code turn.handOver()}): the bot answers nothing in it until it is resumed, by
 * the user saying what {@code Routes.handover} names, or by the admin API
 * ({@code POST /api/v1/conversations/{platform}/{conversationId}/resume}). It is data in the conversation's state,
 * {@code "_handover": {"since": 1767603600000, "user": "1001"}}, so it survives restarts and moves between members;
 * the admin's resume is an event queued behind the conversation's messages, so it never races a turn.
 */
public final class Handover {

  /** Where the handover lives in the conversation's state. */
  public static final String KEY = "_handover";
  /** The event the admin API sends into a conversation to resume it. */
  public static final String RESUME_EVENT = "_resume";

  private Handover() {}

  /** The event that resumes the conversation, or null when it is not handed over (there is nothing to resume). */
  public static Message resumeEvent(ConversationRef conversation, JsonObject state, long now) {
    JsonObject handover = state.getJsonObject(KEY);
    return handover == null ? null : Message.event(conversation, UserRef.of(conversation.platform(),
        handover.getString("user", conversation.channel())), RESUME_EVENT, new JsonObject(), now);
  }

  static JsonObject start(Message message, long now) {
    return new JsonObject().put("since", now).put("user", message.user().id());
  }
}
