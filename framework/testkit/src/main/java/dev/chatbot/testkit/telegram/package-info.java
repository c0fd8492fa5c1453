/**
 * Telegram for adapter and bot tests: {@link dev.chatbot.testkit.telegram.TelegramApiStub} plays the Bot API on a
 * loopback port, {@link dev.chatbot.testkit.telegram.TelegramUpdates} builds updates as Telegram posts them, with the
 * webhook's secret token (or a wrong or missing one).
 */
package dev.chatbot.testkit.telegram;
