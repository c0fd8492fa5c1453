package dev.chatbot.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.commerce.Inventory.Line;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartTest {

  private static final Map<String, Long> PRICES = Map.of("MUG", 900L, "PLATE", 1500L);

  @Test
  void linesAreAddedChangedAndRemovedAndTheLastAddedIsKnown() {
    // tag::cart[]
    Cart cart = Cart.EMPTY.added(new Line("MUG", "red", 1)).added(new Line("PLATE", "white", 2));
    cart = cart.put(new Line("MUG", "red", cart.quantity("MUG", "red") + 1));   // "make the mug 2"
    assertThat(cart.last()).isEqualTo(new Line("PLATE", "white", 2));           // what "make it 3" would change
    assertThat(cart.units()).isEqualTo(4);
    assertThat(cart.total(PRICES::get)).isEqualTo(2 * 900 + 2 * 1500);
    cart = cart.without(line -> line.item().equals("PLATE"));                   // "remove the plates"
    // end::cart[]
    assertThat(cart.lines()).containsExactly(new Line("MUG", "red", 2));
    assertThat(cart.last()).as("the last line when the one added last is gone").isEqualTo(new Line("MUG", "red", 2));
    assertThat(cart.put(new Line("MUG", "red", 0)).lines()).as("a quantity of 0 removes the line").isEmpty();
    assertThat(cart.put(new Line("MUG", "blue", 1)).lines()).hasSize(2);
    assertThat(Cart.EMPTY.last()).isNull();
  }

  @Test
  void aCartIsPlainJsonInConversationState() {
    Cart cart = Cart.EMPTY.added(new Line("MUG", "red", 1));
    JsonObject json = JsonObject.mapFrom(cart);
    assertThat(json.encode()).isEqualTo("{\"lines\":[{\"item\":\"MUG\",\"variant\":\"red\",\"quantity\":1}],"
        + "\"lastAdded\":\"MUG\"}");
    assertThat(json.mapTo(Cart.class)).isEqualTo(cart);
  }
}
