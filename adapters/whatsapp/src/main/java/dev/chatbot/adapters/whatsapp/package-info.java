/**
 * WhatsApp Cloud API: {@link dev.chatbot.adapters.whatsapp.WhatsAppAdapter} wires the shared Meta handshake and
 * signature check to {@code WhatsAppParser} (webhook JSON to messages), {@code WhatsAppRenderer} (pure: reply to
 * {@code /messages} JSON) and {@code WhatsAppSender} (one Graph API client, also marking messages as read).
 */
package dev.chatbot.adapters.whatsapp;
