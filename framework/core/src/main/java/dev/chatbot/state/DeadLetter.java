package dev.chatbot.state;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A reply that finally failed (a 4xx that cannot succeed, or every attempt used): kept until an operator retries or
 * discards it through the admin API.
 *
 * @param callsDone platform calls of the reply already accepted: a retry starts after them
 */
public record DeadLetter(String id, ConversationRef to, Reply reply, String error, Instant failedAt, int callsDone) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("platform", to.platform())
        .put("recipient", to.channel())
        .put("message", JsonObject.mapFrom(reply))
        .put("error", error)
        .put("failedAt", failedAt.toString())
        .put("callsDone", callsDone);
    return to.thread() == null ? json : json.put("thread", to.thread());
  }

  public static DeadLetter fromJson(JsonObject json) {
    return new DeadLetter(json.getString("id"),
        new ConversationRef(json.getString("platform"), json.getString("recipient"), json.getString("thread")),
        json.getJsonObject("message").mapTo(Reply.class), json.getString("error"),
        Instant.parse(json.getString("failedAt")), json.getInteger("callsDone", 0));
  }
}
