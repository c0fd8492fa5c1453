package dev.chatbot.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reply queue of conversations with no tab connected: bounded per conversation and in number. */
class ConversationSocketsTest {

  @Test
  void keepsOnlyTheNewestRepliesOfAConversationWithNoSocket() {
    ConversationSockets sockets = new ConversationSockets(3, 100, Duration.ofMinutes(1));
    for (int i = 1; i <= 5; i++) {
      assertThat(sockets.send("c1", Reply.text("r" + i), "{\"n\":" + i + "}").succeeded()).isTrue();
    }
    assertThat(sockets.queuedFor("c1")).isEqualTo(3);
    assertThat(sockets.queuedFor("c2")).isZero();
  }

  @Test
  void typingIsNeverQueued() {
    ConversationSockets sockets = new ConversationSockets(3, 100, Duration.ofMinutes(1));
    sockets.send("c1", Reply.typing(), "{\"type\":\"typing\"}");
    assertThat(sockets.queuedFor("c1")).isZero();
  }
}
