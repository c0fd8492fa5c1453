package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of docs/bots.md ("Extractors"), checked. */
class ExtractorsExampleTest {

  @Test
  void theGuidesExample() {
    // tag::extractors[]
    StringBuilder text = new StringBuilder(PriceLimits.numbersInWords("blk new ballance, nothing over a hundred"));
    PriceLimits.Limits budget = PriceLimits.take(text);           // at most 10000 cents; those words blanked
    List<String> words = PhraseTable.words(text);                   // [blk, new, ballance, ","]
    PhraseTable<String> colours = new PhraseTable<String>().put("blk", "black").put("navy blue", "navy");
    List<PhraseTable.Hit<String>> hits = colours.scan(words);       // black over [0, 1), a clause break
    FuzzyNames brands = new FuzzyNames(Map.of("New Balance", List.of("new balance")));
    FuzzyNames.Match brand = brands.find(words, new boolean[words.size()]);   // New Balance over [1, 3)
    Integer picked = Positions.position("i'll take the second one");           // 2
    PaymentMethods.Reading paying = PaymentMethods.read("visa 4242");          // Method("Visa ending 4242")
    // end::extractors[]
    assertThat(budget).isEqualTo(new PriceLimits.Limits(10000L, null));
    assertThat(words).containsExactly("blk", "new", "ballance", ",");
    assertThat(hits).extracting(PhraseTable.Hit::meaning).containsExactly("black", null);
    assertThat(brand).isEqualTo(new FuzzyNames.Match("New Balance", 1, 3));
    assertThat(picked).isEqualTo(2);
    assertThat(paying).isEqualTo(new PaymentMethods.Method("Visa ending 4242"));
  }
}
