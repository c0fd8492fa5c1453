package dev.chatbot.model;

import java.util.Objects;

/**
 * Where a conversation happens: a platform, a channel (a user id on Messenger/WhatsApp, a channel id on Slack,
 * a browser tab in the web chat) and, optionally, a thread inside that channel.
 */
public record ConversationRef(String platform, String channel, String thread) {

  public ConversationRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(channel, "channel");
  }

  public static ConversationRef of(String platform, String channel) {
    return new ConversationRef(platform, channel, null);
  }

  /** A stable key: messages with the same key are handled one at a time, in order. */
  public String key() {
    return thread == null ? platform + ":" + channel : platform + ":" + channel + ":" + thread;
  }
}
