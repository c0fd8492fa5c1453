package dev.chatbot.bots.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Reply;
import dev.chatbot.testkit.BotTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoBotTest {

  private final BotTester bot = BotTester.start(new EchoBot());

  @AfterEach
  void close() {
    bot.close();
  }

  @Test
  void saysBackWhatItIsTold() {
    bot.say("hello there").expectText("hello there");
    bot.tap("first").expectText("first");
    bot.say(" ").expectText("(nothing to echo)");
    bot.expectNoMoreReplies();
  }

  @Test
  void showsQuickRepliesAndCards() {
    Reply.QuickReplies chips = bot.say("Chips").expect(Reply.QuickReplies.class);
    assertThat(chips.text()).isEqualTo("Pick one");
    assertThat(chips.options()).extracting(option -> option.title()).containsExactly("Red", "Green", "Blue");

    Reply.Cards cards = bot.say("cards").expect(Reply.Cards.class);
    assertThat(cards.cards()).extracting(card -> card.title()).containsExactly("First", "Second");
    assertThat(cards.cards().get(0).buttons().get(0).payload()).isEqualTo("first");
  }
}
