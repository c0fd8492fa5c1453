/**
 * Selling from a bot: {@link dev.chatbot.commerce.Inventory} (stock per item and variant, taken all or nothing) and
 * {@link dev.chatbot.commerce.OrderBook} (unique order numbers, orders cancelled once and only by their owner), both
 * in the bot-wide store ({@code BotVerticle.data()}), so every instance and cluster member sells from the same shelves.
 */
package dev.chatbot.commerce;
