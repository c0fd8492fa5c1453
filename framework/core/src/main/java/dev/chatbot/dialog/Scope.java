package dev.chatbot.dialog;

/** Where a piece of typed state lives and who shares it. */
public enum Scope {
  /** This conversation: forgotten with it. */
  CONVERSATION,
  /** The user, across conversations (their saved address). */
  USER,
  /** The whole bot, every conversation and cluster member (stock, counters): read and changed asynchronously. */
  BOT
}
