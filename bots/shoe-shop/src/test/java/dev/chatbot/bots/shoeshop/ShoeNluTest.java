package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.bots.shoeshop.Understanding.Intent;
import dev.chatbot.bots.shoeshop.Understanding.Slot;
import dev.chatbot.nlu.SizeChart;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** The understanding, table-driven: each row of nlu-phrasings.csv is a message and every slot it must yield. */
class ShoeNluTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/nlu-phrasings.csv", delimiter = '|', numLinesToSkip = 1)
  void understands(String message, String colour, String style, String material, String brand, String size,
      String width, Integer max, Integer min, String intents) {
    Understanding u = ShoeNlu.understand(message);

    assertThat(first(u, Slot.COLOUR)).as("colour").isEqualTo(colour);
    assertThat(first(u, Slot.STYLE)).as("style").isEqualTo(style);
    assertThat(first(u, Slot.MATERIAL)).as("material").isEqualTo(material);
    assertThat(first(u, Slot.BRAND)).as("brand").isEqualTo(brand);
    assertThat(u.size() == null ? null : SizeChart.format(u.size())).as("size").isEqualTo(size);
    assertThat(first(u, Slot.WIDTH)).as("width").isEqualTo(width);
    assertThat(u.maxPriceCents()).as("max price").isEqualTo(max == null ? null : max * 100L);
    assertThat(u.minPriceCents()).as("min price").isEqualTo(min == null ? null : min * 100L);
    Set<Intent> expected = EnumSet.noneOf(Intent.class);
    if (intents != null) {
      Arrays.stream(intents.trim().split("\\s+")).map(Intent::valueOf).forEach(expected::add);
    }
    assertThat(u.intents()).as("intents").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "2 | 2", "two | 2", "a pair | 1", "just one please | 1", "3 pairs | 3", "hmm | "})
  void readsQuantities(String message, Integer quantity) {
    assertThat(ShoeNlu.understand(message).quantity()).isEqualTo(quantity);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "I'll take the second one | 2", "buy the first | 1", "the last one please | -1", "#3 | 3",
      "tell me about the 4th | 4", "brown boots | "})
  void picksAShoeByPosition(String message, Integer pick) {
    assertThat(ShoeNlu.understand(message).pick()).isEqualTo(pick);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "any colour | COLOUR", "any brand | BRAND", "other materials | MATERIAL", "any price | PRICE",
      "show me everything | STYLE"})
  void lettingGoOfAWish(String message, Slot slot) {
    assertThat(ShoeNlu.understand(message).cleared()).containsExactly(slot);
  }

  @Test
  void ordinaryWordsAreNotBrands() {
    for (String message : new String[] {"I need nice shoes for the office", "something black please",
        "echo", "my new job", "comfortable shoes for walking"}) {
      assertThat(first(ShoeNlu.understand(message), Slot.BRAND)).as(message).isNull();
    }
  }

  @Test
  void aPriceIsNeverReadAsASize() {
    Understanding u = ShoeNlu.understand("loafers under $12 size 9");
    assertThat(u.maxPriceCents()).isEqualTo(1200L);
    assertThat(u.size()).isEqualTo(18);
  }

  @Test
  void anImplausibleSizeIsKeptOnlyWhenSaidSo() {
    assertThat(ShoeNlu.understand("size 25").size()).isEqualTo(50);
    assertThat(ShoeNlu.understand("boots 25").size()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "money is no object | PRICE", "well, the price doesnt matter | PRICE", "ok show me everything | STYLE",
      "other colors please | COLOUR"})
  void findsPhrasesOfSeveralWordsAnywhere(String message, Slot slot) {
    assertThat(ShoeNlu.understand(message).cleared()).containsExactly(slot);
  }

  @Test
  void findsTheLongestPhraseFirst() {
    assertThat(ShoeNlu.understand("whats in my cart").intents()).containsExactly(Intent.CART);
    assertThat(ShoeNlu.understand("please proceed to checkout").intents()).containsExactly(Intent.CHECKOUT);
    assertThat(ShoeNlu.understand("start from scratch").intents()).containsExactly(Intent.START_OVER);
    assertThat(first(ShoeNlu.understand("dark brown doc martens boots"), Slot.COLOUR)).isEqualTo("brown");
    assertThat(first(ShoeNlu.understand("dark brown doc martens boots"), Slot.BRAND)).isEqualTo("Dr. Martens");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // Two letters only the message has and two only the name has: still within Birkenstock's two typos; so are
      // two swapped pairs in Timberland, but not two swaps and a wrong letter.
      "birkenstoqz sandals | Birkenstock", "birkqnstoqz sandals | ", "johnstn murphy | Johnston & Murphy",
      "jhonston | Johnston & Murphy", "timbrelnad boots | Timberland", "tinbrelnad boots | "})
  void forgivesTyposUpToTheNamesTolerance(String message, String brand) {
    assertThat(first(ShoeNlu.understand(message), Slot.BRAND)).isEqualTo(brand);
  }

  /** The first value said for {@code slot}, or null. */
  private static String first(Understanding u, Slot slot) {
    Set<String> values = u.said().get(slot);
    return values == null ? null : values.iterator().next();
  }
}
