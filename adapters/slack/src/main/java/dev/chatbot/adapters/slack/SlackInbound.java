package dev.chatbot.adapters.slack;

import dev.chatbot.model.Message;
import java.util.List;

/**
 * What one verified Slack request carries: user messages for the bot, or (only for the Events API URL handshake)
 * a challenge to echo back.
 */
record SlackInbound(List<Message> messages, String challenge) {

  SlackInbound {
    messages = List.copyOf(messages);
  }

  static SlackInbound of(List<Message> messages) {
    return new SlackInbound(messages, null);
  }

  static SlackInbound challenge(String challenge) {
    return new SlackInbound(List.of(), challenge);
  }
}
