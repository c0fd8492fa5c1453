package dev.chatbot.bot;

import dev.chatbot.model.Message;

/** What travels on the event bus from the dispatcher to a bot: one message and its conversation. */
public record BotCall(Message message, Conversation conversation) {}
