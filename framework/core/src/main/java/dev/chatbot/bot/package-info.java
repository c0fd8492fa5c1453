/** The bot API: {@link dev.chatbot.bot.BotVerticle} and the {@link dev.chatbot.bot.Conversation} it answers through. */
package dev.chatbot.bot;
