/**
 * Telegram Bot API, written against the public adapter SPI only ({@code dev.chatbot.spi} and {@code dev.chatbot.model}):
 * {@link dev.chatbot.adapters.telegram.TelegramAdapter} wires
 * {@code TelegramVerifier} (the webhook's secret token), {@code TelegramParser} (an update to messages),
 * {@code TelegramRenderer} (pure: a reply to Bot API calls) and {@code TelegramSender} (one client for the Bot API).
 */
package dev.chatbot.adapters.telegram;
