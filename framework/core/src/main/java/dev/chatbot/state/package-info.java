/**
 * Conversation state, user profiles, bots' own data, dedupe memory, the inbox (messages acknowledged, not yet handled),
 * the outbox (replies not yet accepted) and dead letters, behind async interfaces: {@code memory} here, {@code file}
 * in {@code state.file}, {@code cluster} in its own module.
 */
package dev.chatbot.state;
