package dev.chatbot.dialog;

import io.vertx.core.json.JsonObject;

/**
 * Where a conversation is in a form, as plain data under {@link #KEY} of the conversation state:
 * {@code {"form":"Booking","slot":"day","values":{"service":"Haircut"},"retries":1,"since":1764160000000}}. No code
 * in it, so it survives restarts and moves between cluster members.
 *
 * @param slot the slot last asked
 * @param values the answers so far, as JSON values
 * @param retries wrong answers to {@code slot} so far
 * @param since when {@code slot} was asked (epoch millis of the bot's clock)
 */
record DialogPosition(String form, String slot, JsonObject values, int retries, long since) {

  static final String KEY = "_dialog";

  static DialogPosition read(JsonObject state) {
    JsonObject saved = state.getJsonObject(KEY);
    return saved == null ? null : new DialogPosition(saved.getString("form"), saved.getString("slot"),
        saved.getJsonObject("values", new JsonObject()).copy(), saved.getInteger("retries", 0),
        saved.getLong("since", 0L));
  }

  JsonObject toJson() {
    return new JsonObject().put("form", form).put("slot", slot).put("values", values).put("retries", retries)
        .put("since", since);
  }

  DialogPosition asking(String nextSlot, long now) {
    return new DialogPosition(form, nextSlot, values, nextSlot.equals(slot) ? retries : 0, now);
  }

  DialogPosition retried() {
    return new DialogPosition(form, slot, values, retries + 1, since);
  }
}
