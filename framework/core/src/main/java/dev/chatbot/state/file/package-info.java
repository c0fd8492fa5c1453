/**
 * {@code STATE_STORE=file}, the default: state, profiles, bot data, dedupe ids, the inbox, the outbox and dead letters
 * in one H2 MVStore file under {@code DATA_DIR}, written by one group-committing thread (docs/operate.md,
 * "Durability").
 */
package dev.chatbot.state.file;
