/**
 * The built-in web chat: a static chat page at {@code /chat} and its WebSocket at {@code /chat/ws}. Each browser
 * tab is one conversation; frames from the page become neutral messages, replies go back as their JSON form.
 */
package dev.chatbot.adapters.webchat;
