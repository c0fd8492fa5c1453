package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.commerce.Inventory.Line;
import dev.chatbot.commerce.Inventory.Stock;
import dev.chatbot.commerce.Order;
import dev.chatbot.commerce.Refused;
import dev.chatbot.commerce.Shop;
import dev.chatbot.state.MemoryBotDataStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stock and orders in the bot-wide store: opened once, taken atomically, never oversold, put back on cancel. */
class ShopDataTest {

  private static final Catalog CATALOG = Catalog.shared();

  private final MemoryBotDataStore store = new MemoryBotDataStore();
  private final Shop shop = ShoeShopBot.shop(store);

  @Test
  void opensTheCatalogStockOnceAndKeepsWhatWasSoldAcrossRestarts() {
    Stock opened = join(shop.inventory().open(CATALOG.openingStock()));
    assertThat(opened.left("JM-CONARD-BRN", "10.5")).isEqualTo(2);
    join(shop.inventory().take(List.of(new Line("JM-CONARD-BRN", "10.5", 2))));

    // A restart opens the shelves again on the same store: what was sold stays sold.
    Shop restarted = ShoeShopBot.shop(store);
    assertThat(join(restarted.inventory().open(CATALOG.openingStock())).left("JM-CONARD-BRN", "10.5")).isZero();
    assertThat(join(restarted.inventory().stock()).left("JM-CONARD-BRN", "9")).isEqualTo(12);
  }

  @Test
  void anOrderTakesAllItsLinesOrNone() {
    join(shop.inventory().open(CATALOG.openingStock()));
    List<Line> order = List.of(new Line("JM-CONARD-BRN", "9", 2), new Line("JM-TABOR-BRN", "11", 2));
    Throwable refused = shop.inventory().take(order).cause();
    assertThat(refused).isInstanceOf(Refused.class);
    Stock after = join(shop.inventory().stock());
    assertThat(after.left("JM-CONARD-BRN", "9")).as("nothing taken").isEqualTo(12);
    assertThat(after.left("JM-TABOR-BRN", "11")).isEqualTo(1);
    assertThat(join(shop.inventory().take(List.of(new Line("JM-TABOR-BRN", "11", 1)))).left("JM-TABOR-BRN", "11"))
        .isZero();
    assertThat(shop.inventory().take(List.of(new Line("JM-TABOR-BRN", "12.5", 1))).cause())
        .as("a size not made is never sold").isInstanceOf(Refused.class);
    assertThat(shop.inventory().take(List.of(new Line("NOPE", "9", 1))).cause()).isInstanceOf(Refused.class);
  }

  @Test
  void stockIsNeverOversoldAndOrderNumbersNeverRepeatUnderConcurrentSales() throws InterruptedException {
    join(shop.inventory().open(CATALOG.openingStock()));
    int left = join(shop.inventory().stock()).left("JM-CONARD-BRN", "9");
    AtomicInteger sold = new AtomicInteger();
    Set<String> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Runnable> buyers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      buyers.add(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (shop.inventory().take(List.of(new Line("JM-CONARD-BRN", "9", 1))).succeeded()) {
          sold.incrementAndGet();
        }
        numbers.add(join(shop.orders().nextNumber()));
      });
    }
    buyers.forEach(pool::execute);
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sold.get()).isEqualTo(left);
    assertThat(join(shop.inventory().stock()).left("JM-CONARD-BRN", "9")).isZero();
    assertThat(numbers).hasSize(40).allMatch(number -> number.matches("SS-\\d{6}"));
  }

  @Test
  void cancellingAnOrderPutsItsPairsBackOnceAndOnlyForItsOwner() {
    join(shop.inventory().open(CATALOG.openingStock()));
    List<Line> lines = List.of(new Line("JM-CONARD-BRN", "9", 3));
    join(shop.inventory().take(lines));
    join(shop.orders().save(new Order("SS-100007", "test:ann", "confirmed", "2026-11-26T10:00:00Z",
        List.of(new Line("JM-CONARD-BRN", "9", 3)), 52497, "1 Elm Road", "PayPal")));
    assertThat(join(shop.inventory().stock()).left("JM-CONARD-BRN", "9")).isEqualTo(9);

    assertThat(shop.cancel("SS-100007", "test:bob").cause()).isInstanceOf(Refused.class);
    assertThat(join(shop.cancel("SS-100007", "test:ann")).status()).isEqualTo("cancelled");
    assertThat(join(shop.inventory().stock()).left("JM-CONARD-BRN", "9")).isEqualTo(12);
    assertThat(shop.cancel("SS-100007", "test:ann").cause()).hasMessageContaining("already cancelled");
    assertThat(join(shop.inventory().stock()).left("JM-CONARD-BRN", "9")).as("put back once").isEqualTo(12);
    assertThat(shop.cancel("SS-999999", "test:ann").cause()).isInstanceOf(Refused.class);
  }

  /** The memory store completes its futures before returning them. */
  static <T> T join(Future<T> future) {
    assertThat(future.succeeded()).as("succeeded: %s", future.cause()).isTrue();
    return future.result();
  }
}
