package dev.chatbot.bot;

/** Every event bus address the framework uses, in one place. */
public final class Addresses {

  private Addresses() {}

  /** Where the bot named {@code name} takes {@link BotCall}s. */
  public static String bot(String name) {
    return "chatbot.bot." + name;
  }

  /** Where the cluster member {@code nodeId} takes messages of the conversations it owns, forwarded by others. */
  public static String inbound(String nodeId) {
    return "chatbot.inbound." + nodeId;
  }

  /** Where the cluster member {@code nodeId} answers once a conversation it owns has nothing queued or in hand. */
  public static String settled(String nodeId) {
    return "chatbot.settled." + nodeId;
  }
}
