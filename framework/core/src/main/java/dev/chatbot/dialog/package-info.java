/**
 * The declarative way to write a bot on top of {@code BotVerticle.onMessage}: {@link dev.chatbot.dialog.Routes}
 * (patterns, payloads, intents, commands, global handlers), {@link dev.chatbot.dialog.Prompt}s and
 * {@link dev.chatbot.dialog.Form}s whose position is plain data in conversation state, typed state
 * ({@link dev.chatbot.dialog.StateKey}) and interceptors. See docs/bots.md.
 */
package dev.chatbot.dialog;
