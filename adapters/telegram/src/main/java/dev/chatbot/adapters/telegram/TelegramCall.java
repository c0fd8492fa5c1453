package dev.chatbot.adapters.telegram;

import io.vertx.core.json.JsonObject;

/** One Bot API request: the method ({@code sendMessage}...) and its JSON body. */
record TelegramCall(String method, JsonObject body) {}
