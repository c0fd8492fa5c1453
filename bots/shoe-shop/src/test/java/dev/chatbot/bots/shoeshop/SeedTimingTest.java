package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Reply;
import dev.chatbot.testkit.BotTester;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How long a turn of the seed sentence takes in the bot tester (understanding, stock read from the memory store,
 * search, cards, and the framework's turn), without HTTP. Printed, not asserted: timing targets belong in bench/,
 * and this machine is shared.
 */
class SeedTimingTest {

  private static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";

  @Test
  void seedSentenceBotTime() {
    try (BotTester bot = BotTester.start(new ShoeShopBot())) {
      int warmup = 1_000;
      int runs = 2_000;
      long[] nanos = new long[runs];
      for (int i = 0; i < warmup + runs; i++) {
        BotTester shopper = bot.as("timing-" + i);
        long started = System.nanoTime();
        shopper.say(SEED);
        long took = System.nanoTime() - started;
        if (i >= warmup) {
          nanos[i - warmup] = took;
        }
        assertThat(shopper.drain().get(0)).isInstanceOf(Reply.Cards.class);
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "shoe-shop seed sentence turn time: p50=%.3f ms p90=%.3f ms p99=%.3f ms "
          + "max=%.3f ms (%d runs)%n", nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6,
          nanos[runs * 99 / 100] / 1e6, nanos[runs - 1] / 1e6, runs);
    }
  }
}
