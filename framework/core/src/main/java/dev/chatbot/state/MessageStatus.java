package dev.chatbot.state;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Where a proactive message of the admin API is: {@code queued} until the platform accepted it ({@code sent}) or
 * finally refused it ({@code failed}, with the platform's own error). {@code at}: when it got this state.
 */
public record MessageStatus(String id, State state, String platform, String recipient, String error, Instant at) {

  public enum State { queued, sent, failed }

  public static MessageStatus queued(String id, String platform, String recipient) {
    return new MessageStatus(id, State.queued, platform, recipient, null, Instant.now());
  }

  public MessageStatus sent() {
    return new MessageStatus(id, State.sent, platform, recipient, null, Instant.now());
  }

  public MessageStatus failed(String platformError) {
    return new MessageStatus(id, State.failed, platform, recipient, platformError, Instant.now());
  }

  /** The admin API's answer ({@code MessageStatus} in openapi.yaml). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("status", state.name())
        .put("platform", platform).put("recipient", recipient);
    return error == null ? json : json.put("error", error);
  }

  /** {@link #toJson()} with the time, as the stores keep it. */
  public JsonObject toStored() {
    return toJson().put("at", at.toEpochMilli());
  }

  public static MessageStatus fromStored(JsonObject json) {
    return new MessageStatus(json.getString("id"), State.valueOf(json.getString("status")),
        json.getString("platform"), json.getString("recipient"), json.getString("error"),
        Instant.ofEpochMilli(json.getLong("at", 0L)));
  }
}
