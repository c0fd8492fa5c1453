/**
 * Test helpers for bot and adapter authors: {@link dev.chatbot.testkit.BotTester} (a bot in memory, no HTTP),
 * {@link dev.chatbot.testkit.TestServer} and the {@link dev.chatbot.testkit.Chat} DSL (the whole server over HTTP).
 */
package dev.chatbot.testkit;
