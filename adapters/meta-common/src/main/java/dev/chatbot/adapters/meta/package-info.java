/**
 * What Messenger and WhatsApp Cloud share because both are Meta webhooks and Graph API calls: the
 * {@code hub.challenge} handshake, the {@code X-Hub-Signature-256} check, Graph error mapping and the Graph sender.
 */
package dev.chatbot.adapters.meta;
