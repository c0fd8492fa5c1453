/** Inbound processing: dedupe, per-conversation order, state load/save around the bot. */
package dev.chatbot.dispatch;
