/** Conversation state, user profiles and dedupe memory, behind async interfaces (memory now, cluster later). */
package dev.chatbot.state;
