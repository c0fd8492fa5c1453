/** The admin API under {@code /api/v1}: proactive messages, their delivery status, the enabled adapters. */
package dev.chatbot.admin;
