/** The platform-neutral model: what a bot receives ({@link dev.chatbot.model.Message}) and sends ({@link dev.chatbot.model.Reply}). */
package dev.chatbot.model;
