package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How long the bot itself takes for the seed sentence (understanding, stock read from the memory store, search,
 * cards), without HTTP or the event bus. Printed, not asserted: timing targets belong in bench/, and this machine is shared.
 */
class SeedTimingTest {

  private static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";

  @Test
  void seedSentenceBotTime() {
    ShopData shop = new ShopData(new dev.chatbot.state.MemoryBotDataStore());
    ShopDataTest.join(shop.open(Catalog.shared()));
    ShopAssistant assistant = new ShopAssistant(Catalog.shared(), "http://localhost:8080", shop);
    ConversationRef ref = ConversationRef.of("test", "timing");
    UserRef user = UserRef.of("test", "timing");
    int warmup = 2_000;
    int runs = 5_000;
    long[] nanos = new long[runs];
    for (int i = 0; i < warmup + runs; i++) {
      Message message = Message.text("m" + i, ref, user, SEED);
      long started = System.nanoTime();
      List<Reply> replies = ShopDataTest.join(assistant.respond(message, new JsonObject(), new JsonObject()));
      long took = System.nanoTime() - started;
      if (i >= warmup) {
        nanos[i - warmup] = took;
      }
      assertThat(replies.get(0)).isInstanceOf(Reply.Cards.class);
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "shoe-shop seed sentence bot time: p50=%.3f ms p90=%.3f ms p99=%.3f ms "
        + "max=%.3f ms (%d runs)%n", nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6, nanos[runs * 99 / 100] / 1e6,
        nanos[runs - 1] / 1e6, runs);
  }
}
