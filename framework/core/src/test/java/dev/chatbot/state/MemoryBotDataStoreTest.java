package dev.chatbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryBotDataStoreTest {

  private final BotDataStore store = new MemoryBotDataStore();

  @Test
  void missingKeyReadsAsEmptyObject() {
    assertThat(store.get("nothing").result()).isEqualTo(new JsonObject());
  }

  @Test
  void concurrentUpdatesNeverLoseOne() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 1000; i++) {
      pool.execute(() -> store.update("counter", v -> v.put("n", v.getInteger("n", 0) + 1)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.get("counter").result().getInteger("n")).isEqualTo(1000);
  }

  @Test
  void aRefusedChangeFailsAndChangesNothing() {
    store.update("stock", v -> v.put("left", 1));
    var refused = store.update("stock", v -> {
      throw new IllegalStateException("sold out");
    });
    assertThat(refused.failed()).isTrue();
    assertThat(refused.cause()).hasMessage("sold out");
    assertThat(store.get("stock").result().getInteger("left")).isEqualTo(1);
  }

  @Test
  void prefixesKeepBotsApart() {
    store.prefixed("bot:a:").update("k", v -> v.put("x", 1));
    assertThat(store.prefixed("bot:b:").get("k").result()).isEqualTo(new JsonObject());
    assertThat(store.get("bot:a:k").result().getInteger("x")).isEqualTo(1);
    store.prefixed("bot:a:").delete("k");
    assertThat(store.get("bot:a:k").result()).isEqualTo(new JsonObject());
  }

  @Test
  void returnedValuesAreCopies() {
    JsonObject value = store.update("k", v -> v.put("x", 1)).result();
    value.put("x", 2);
    assertThat(store.get("k").result().getInteger("x")).isEqualTo(1);
  }
}
