package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupNluTest {

  private final LookupNlu nlu = LookupNlu.fromResource("/shop-nlu.yaml");

  private Understanding understand(String text) {
    return nlu.understandNow(text, NluContext.none("test"));
  }

  @Test
  void findsTheIntentAndEntitiesByPhraseAndSynonym() {
    Understanding said = understand("I need tan shoes from J&M");
    assertThat(said.intent()).isEqualTo("buy");
    assertThat(said.confidence()).isEqualTo(1.0);
    assertThat(said.entity("colour")).map(Entity::value).contains("brown");
    assertThat(said.entity("brand")).map(Entity::value).contains("Johnston & Murphy");
  }

  @Test
  void forgivesTyposUpToTheMaximumDistanceAndOnlyInLongPhrases() {
    Understanding said = understand("something by Johnson and Murphy");
    assertThat(said.entity("brand")).map(Entity::value).contains("Johnston & Murphy");
    assertThat(said.entity("brand")).map(Entity::text).contains("Johnson and Murphy");
    assertThat(understand("Clerks").entity("brand")).map(Entity::value).contains("Clarks");
    assertThat(understand("Cxxxks").entity("brand")).isEmpty();
    assertThat(understand("hlep").intent()).as("'help' is shorter than minLength: exact only").isNull();
    Understanding fuzzyIntent = understand("lookin for boots");
    assertThat(fuzzyIntent.intent()).isEqualTo("buy");
    assertThat(fuzzyIntent.confidence()).isBetween(0.6, 0.99);
  }

  @Test
  void readsNumbersInDigitsFractionsAndWords() {
    assertThat(numbers("size 10 1/2")).containsExactly(new BigDecimal("10.5"));
    assertThat(numbers("size ten and a half")).containsExactly(new BigDecimal("10.5"));
    assertThat(numbers("10.5 or 11")).containsExactly(new BigDecimal("10.5"), new BigDecimal("11"));
    assertThat(numbers("twenty one people")).containsExactly(new BigDecimal("21"));
    assertThat(numbers("a dozen")).containsExactly(new BigDecimal("12"));
    assertThat(numbers("1,250")).containsExactly(new BigDecimal("1250"));
    assertThat(numbers("no numbers here")).isEmpty();
  }

  @Test
  void readsMoneyAndRanges() {
    assertThat(understand("costs $150").entity("money")).map(Entity::value)
        .contains(new Money(new BigDecimal("150"), "USD"));
    assertThat(understand("20 euros").entity("money")).map(Entity::value)
        .contains(new Money(new BigDecimal("20"), "EUR"));
    assertThat(understand("under $150").entity("range")).map(Entity::value)
        .contains(new Range(null, new BigDecimal("150")));
    assertThat(understand("less than 80 dollars").entity("range")).map(Entity::value)
        .contains(new Range(null, new BigDecimal("80")));
    assertThat(understand("at least 3").entity("range")).map(Entity::value)
        .contains(new Range(new BigDecimal("3"), null));
    assertThat(understand("between 8 and 10").entity("range")).map(Entity::value)
        .contains(new Range(new BigDecimal("8"), new BigDecimal("10")));
    assertThat(understand("sizes 8-10").entity("range")).map(Entity::value)
        .contains(new Range(new BigDecimal("8"), new BigDecimal("10")));
    assertThat(understand("under $150").entity("number")).as("the range took the number").isEmpty();
  }

  @Test
  void theAskedSlotNamesALoneNumberAndMatchesOfferedChoices() {
    NluContext howMany = new NluContext("quantity", "number", List.of(), "test");
    assertThat(nlu.understandNow("10", howMany).entity("quantity")).map(Entity::value).contains(BigDecimal.TEN);
    assertThat(nlu.understandNow("10", NluContext.none("test")).entity("quantity")).isEmpty();

    NluContext size = new NluContext("size", "choice", List.of("Small", "Medium", "Large"), "test");
    assertThat(nlu.understandNow("a mediun one please", size).entity("size")).map(Entity::value).contains("Medium");
  }

  @Test
  void badDataSaysWhatIsWrong() {
    assertThatThrownBy(() -> LookupNlu.parse("intents: 12", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad NLU data");
    assertThatThrownBy(() -> LookupNlu.fromResource("/missing.yaml")).hasMessageContaining("/missing.yaml");
    LookupNlu fromJson = new LookupNlu(LookupNlu.parse("{\"intents\":{\"hi\":[\"hello\"]}}", true));
    assertThat(fromJson.understandNow("hello!", null).intent()).isEqualTo("hi");
  }

  private List<BigDecimal> numbers(String text) {
    return understand(text).entities().stream().filter(e -> e.name().equals("number"))
        .map(e -> (BigDecimal) e.value()).toList();
  }
}
