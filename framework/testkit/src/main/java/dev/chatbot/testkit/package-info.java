/** Test helpers for bot and adapter authors: {@link dev.chatbot.testkit.TestServer} and the {@link dev.chatbot.testkit.Chat} DSL. */
package dev.chatbot.testkit;
