package dev.chatbot.cluster;

import dev.chatbot.model.Message;

/** Which member handles a conversation. Every member must make the same choice from the same cluster view. */
interface Ownership {

  /** This member's node id. */
  String self();

  /** The node id of the member that owns the conversation {@code conversationKey} ({@code ConversationRef.key()}). */
  String ownerOf(String conversationKey);

  /** The node id of the member that owns {@code message}'s conversation. */
  default String ownerOf(Message message) {
    return ownerOf(message.conversation().key());
  }

  /**
   * Where the conversation goes while its owner does not take messages (leaving, or lost but not yet noticed):
   * a choice among the other members that every member makes alike, so the conversation still has one handler.
   */
  String ownerWithout(Message message, String unavailable);

  /** True while {@code node} is a member of the cluster as this member sees it. */
  boolean isMember(String node);
}
