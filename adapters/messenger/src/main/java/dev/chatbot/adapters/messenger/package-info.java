/**
 * Facebook Messenger: {@link dev.chatbot.adapters.messenger.MessengerAdapter} wires the shared Meta handshake and
 * signature check to {@code MessengerParser} (webhook JSON to messages), {@code MessengerRenderer} (pure: reply to
 * Send API JSON) and {@code MessengerSender} (one Graph API client).
 */
package dev.chatbot.adapters.messenger;
