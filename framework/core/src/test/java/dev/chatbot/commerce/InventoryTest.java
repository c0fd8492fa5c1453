package dev.chatbot.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.state.MemoryBotDataStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InventoryTest {

  private final MemoryBotDataStore store = new MemoryBotDataStore();
  private final Inventory inventory = new Inventory(store);
  private final Map<String, JsonObject> opening = Map.of("MUG", new JsonObject().put("red", 3).put("blue", 1),
      "PLATE", new JsonObject().put("white", 5));

  @Test
  void opensOnceSoARestartKeepsWhatWasSoldAndANewItemGetsItsStock() {
    join(inventory.open(Map.of("MUG", opening.get("MUG"))));
    join(inventory.take(List.of(new Inventory.Line("MUG", "red", 2))));
    Inventory.Stock reopened = join(new Inventory(store).open(opening));
    assertThat(reopened.left("MUG", "red")).isEqualTo(1);
    assertThat(reopened.left("PLATE", "white")).isEqualTo(5);
    assertThat(reopened.left("MUG", "green")).as("a variant not made").isZero();
  }

  @Test
  void takesAllLinesOrNoneAndPutsBack() {
    // tag::inventory[]
    join(inventory.open(opening));  // {"MUG": {"red": 3, "blue": 1}, "PLATE": {"white": 5}}, once
    List<Inventory.Line> tooMany = List.of(new Inventory.Line("PLATE", "white", 2), new Inventory.Line("MUG", "blue",
        2));
    assertThat(inventory.take(tooMany).cause()).isInstanceOf(Refused.class);
    assertThat(join(inventory.stock()).left("PLATE", "white")).as("nothing taken").isEqualTo(5);
    // end::inventory[]
    assertThat(inventory.take(List.of(new Inventory.Line("MUG", "green", 1))).cause()).isInstanceOf(Refused.class);
    List<Inventory.Line> order = List.of(new Inventory.Line("PLATE", "white", 2), new Inventory.Line("MUG", "blue",
        1));
    assertThat(join(inventory.take(order)).left("MUG", "blue")).isZero();
    Inventory.Stock back = join(inventory.putBack(order));
    assertThat(back.left("MUG", "blue")).isEqualTo(1);
    assertThat(back.left("PLATE", "white")).isEqualTo(5);
  }

  @Test
  void neverSellsMoreThanIsLeftUnderConcurrentBuyersAndNumbersNeverRepeat() throws InterruptedException {
    join(inventory.open(opening));
    OrderBook book = new OrderBook(store, "SS-", 100_000);
    AtomicInteger sold = new AtomicInteger();
    Set<String> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 20; i++) {
      pool.execute(() -> {
        if (inventory.take(List.of(new Inventory.Line("PLATE", "white", 1))).succeeded()) {
          sold.incrementAndGet();
        }
        numbers.add(join(book.nextNumber()));
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sold.get()).isEqualTo(5);
    assertThat(numbers).hasSize(20).contains("SS-100001", "SS-100020");
  }

  @Test
  void anOrderIsCancelledOnceAndOnlyByItsOwner() {
    // tag::orders[]
    OrderBook book = new OrderBook(store, "A-", 0);
    String number = join(book.nextNumber());
    assertThat(number).isEqualTo("A-1");
    join(book.save(number, new JsonObject().put("user", "ann").put("status", "confirmed").put("total", 12)));
    assertThat(join(book.find(number)).getInteger("total")).isEqualTo(12);
    assertThat(join(book.find("A-9"))).isNull();
    assertThat(book.cancel(number, "bob").cause()).isInstanceOf(Refused.class);
    assertThat(join(book.cancel(number, "ann")).getString("status")).isEqualTo(OrderBook.CANCELLED);
    assertThat(book.cancel(number, "ann").cause()).isInstanceOf(Refused.class).hasMessageContaining("already");
    // end::orders[]
  }

  /** The memory store completes its futures before returning them. */
  private static <T> T join(Future<T> future) {
    assertThat(future.succeeded()).as("succeeded: %s", future.cause()).isTrue();
    return future.result();
  }

  @Test
  void aTypedOrderIsKeptAsJsonAndReadBack() {
    OrderBook book = new OrderBook(store, "B-", 0);
    Order order = new Order("B-1", "ann", "confirmed", "2026-11-26T10:00:00Z",
        List.of(new Inventory.Line("MUG", "red", 2), new Inventory.Line("PLATE", "white", 1)), 3600, "1 Elm Road", "PayPal");
    join(book.save(order));
    assertThat(join(book.order("B-1"))).isEqualTo(order);
    assertThat(order.units()).isEqualTo(3);
    assertThat(order.cancelled()).isFalse();
    assertThat(join(book.order("B-2"))).isNull();
  }
}
