package dev.chatbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One conversation's messages reach the bot one at a time and in order; conversations do not wait for each other. */
class ConversationOrderTest {

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "recording"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void manyMessagesOfOneConversationAreHandledInOrderWhileOthersProceed() {
    Chat alice = server.chat("order-alice");
    Chat bob = server.chat("order-bob");
    for (int i = 1; i <= 40; i++) {
      alice.send("a" + i);
      bob.send("b" + i);
    }
    List<String> aliceReplies = new ArrayList<>();
    List<String> bobReplies = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      aliceReplies.add(Chat.textOf(alice.nextReply()));
      bobReplies.add(Chat.textOf(bob.nextReply()));
    }
    for (int i = 1; i <= 40; i++) {
      assertThat(aliceReplies.get(i - 1)).isEqualTo(i + ":a" + i);
      assertThat(bobReplies.get(i - 1)).isEqualTo(i + ":b" + i);
    }
  }

  @Test
  void aBusyConversationDoesNotHoldUpAnother() {
    RecordingBot.RELEASE = new CompletableFuture<>();
    Chat busy = server.chat("busy");
    Chat other = server.chat("other");
    busy.send("hold").send("after hold");
    other.send("hello").expectText(Text.equalTo("1:hello"));
    busy.expectNoReply(Duration.ofMillis(200));
    RecordingBot.RELEASE.complete(null);
    busy.expectText(Text.equalTo("1:hold"));
    busy.expectText(Text.equalTo("2:after hold"));
  }

  @Test
  void stateIsSavedBetweenMessagesAndKeptPerConversation() {
    Chat first = server.chat("state-first");
    Chat second = server.chat("state-second");
    first.send("one").expectText(Text.equalTo("1:one"));
    first.send("two").expectText(Text.equalTo("2:two"));
    second.send("one").expectText(Text.equalTo("1:one"));
    first.send("three").expectText(Text.equalTo("3:three"));
  }

  @Test
  void aRepeatedMessageIdIsHandledOnce() {
    Chat chat = server.chat("dedupe");
    var message = dev.chatbot.model.Message.text("same-id", dev.chatbot.model.ConversationRef.of("test", "dedupe"),
        dev.chatbot.model.UserRef.of("test", "dedupe"), "once");
    chat.post(message).post(message);
    chat.expectText(Text.equalTo("1:once"));
    chat.expectNoReply(Duration.ofMillis(300));
    assertThat(chat.drain()).isEmpty();
  }
}
