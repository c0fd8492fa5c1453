package dev.chatbot.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.commerce.Inventory.Line;
import dev.chatbot.state.MemoryBotDataStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopTest {

  private final MemoryBotDataStore store = new MemoryBotDataStore();
  private final Shop shop = new Shop(store, "A-", 100);

  @BeforeEach
  void stock() {
    join(shop.inventory().open(Map.of("MUG", new JsonObject().put("red", 3).put("blue", 1))));
  }

  @Test
  void placingTakesTheStockNumbersTheOrderAndKeepsIt() {
    // tag::shop[]
    List<Line> lines = List.of(new Line("MUG", "red", 2));
    Order order = join(shop.place(lines, number -> new Order(number, "ann", "confirmed", "2026-11-26T10:00:00Z",
        lines, 1800, "1 Elm Road", "PayPal")));                          // A-101, 2 red mugs taken
    assertThat(shop.cancel(order.number(), "bob").cause()).isInstanceOf(Refused.class);
    join(shop.cancel(order.number(), "ann"));                          // cancelled, the 2 mugs back
    // end::shop[]
    assertThat(order.number()).isEqualTo("A-101");
    assertThat(join(shop.orders().order("A-101")).cancelled()).isTrue();
    assertThat(join(shop.inventory().stock()).left("MUG", "red")).isEqualTo(3);
    assertThat(shop.cancel("A-101", "ann").cause()).hasMessageContaining("already");
    assertThat(join(shop.inventory().stock()).left("MUG", "red")).as("put back once").isEqualTo(3);
  }

  @Test
  void anOrderShortOfStockTakesNothingAndGetsNoNumber() {
    List<Line> lines = List.of(new Line("MUG", "red", 1), new Line("MUG", "blue", 2));
    assertThat(shop.place(lines, number -> new Order(number, "ann", "confirmed", "now", lines, 0, "", "")).cause())
        .isInstanceOf(Refused.class);
    assertThat(join(shop.inventory().stock()).left("MUG", "red")).isEqualTo(3);
    assertThat(join(shop.orders().nextNumber())).as("no number used").isEqualTo("A-101");
  }

  @Test
  void anOrderThatCannotBeKeptPutsItsStockBack() {
    List<Line> lines = List.of(new Line("MUG", "blue", 1));
    Future<Order> placed = shop.place(lines, number -> {
      throw new IllegalStateException("no order for " + number);
    });
    assertThat(placed.cause()).hasMessage("no order for A-101");
    assertThat(join(shop.inventory().stock()).left("MUG", "blue")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"where is order A-101? | A-101", "cancel a101 please | A-101",
      "my order a 7 | ", "a 1234 | A-1234", "order #101 | ", "ca-101 | ", "A-101x | "})
  void readsAnOrderNumberAsPeopleWriteIt(String text, String number) {
    assertThat(shop.orders().numberIn(text)).isEqualTo(number);
  }

  private static <T> T join(Future<T> future) {
    assertThat(future.succeeded()).as("succeeded: %s", future.cause()).isTrue();
    return future.result();
  }
}
