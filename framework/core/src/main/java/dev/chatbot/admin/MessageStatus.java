package dev.chatbot.admin;

import io.vertx.core.json.JsonObject;

/** Where a proactive message is: {@code queued} until the platform accepted it ({@code sent}) or finally refused it. */
record MessageStatus(String id, State state, String platform, String recipient, String error) {

  enum State { queued, sent, failed }

  static MessageStatus queued(String id, String platform, String recipient) {
    return new MessageStatus(id, State.queued, platform, recipient, null);
  }

  MessageStatus sent() {
    return new MessageStatus(id, State.sent, platform, recipient, null);
  }

  MessageStatus failed(String platformError) {
    return new MessageStatus(id, State.failed, platform, recipient, platformError);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("status", state.name())
        .put("platform", platform).put("recipient", recipient);
    return error == null ? json : json.put("error", error);
  }
}
