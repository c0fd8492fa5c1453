package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SizeChartTest {

  private static final SizeChart CHART = new SizeChart(new JsonObject("""
      {"home": "US", "systems": {"US": ["us"], "EU": ["eu", "euro"], "UK": ["uk"], "WOMEN": ["womens", "ladies"]},
       "names": {"WOMEN": "women's"}, "offsets": {"WOMEN": 1.5}, "plausible": [4, 16], "guess": {"EU": [35, 50]},
       "widths": {"W": ["wide", "w"], "N": ["narrow"]}, "notAfter": ["pairs?\\\\b", "-?\\\\s*inch", "%"],
       "rows": [{"US": 9, "UK": 8.5, "EU": 42.5}, {"US": 9.5, "UK": 9, "EU": 43}, {"US": 10, "UK": 9.5, "EU": 44}]}
      """));

  @Test
  void readsSizesAsWrittenAndBlanksThem() {
    // tag::sizes[]
    StringBuilder text = new StringBuilder("black boots, eu 43, under $100");
    SizeChart.Size size = CHART.take(text);                       // 86 halves in EU; "eu 43" blanked from text
    int home = CHART.toHome(size.system(), size.halves());        // 19: a US 9.5, the chart's nearest row
    String said = CHART.asSaid(size.system(), size.halves());     // "EU 43"
    // end::sizes[]
    assertThat(size).isEqualTo(new SizeChart.Size(86, "EU", null));
    assertThat(text.toString()).doesNotContain("43").contains("under $100");
    assertThat(SizeChart.format(home)).isEqualTo("9.5");
    assertThat(said).isEqualTo("EU 43");
  }

  @Test
  void halvesWordsWidthsSystemsAfterTheNumberAndGuesses() {
    assertThat(take("size 10 1/2")).isEqualTo(new SizeChart.Size(21, null, null));
    assertThat(take("ten and a half")).isEqualTo(new SizeChart.Size(21, null, null));
    assertThat(take("9 wide")).isEqualTo(new SizeChart.Size(18, null, "W"));
    assertThat(take("43 euro")).isEqualTo(new SizeChart.Size(86, "EU", null));
    assertThat(take("a 44")).as("a bare number in a guessed range").isEqualTo(new SizeChart.Size(88, "EU", null));
    assertThat(CHART.toHome("WOMEN", 17)).as("an offset").isEqualTo(14);
    assertThat(CHART.asSaid("WOMEN", 17)).isEqualTo("women's 8.5");
    assertThat(CHART.toHome("UK", 40)).as("beyond the chart").isZero();
  }

  @Test
  void numbersThatAreSomethingElseAreNotSizes() {
    assertThat(take("2 pairs")).isNull();
    assertThat(take("a 6 inch heel")).isNull();
    assertThat(take("$150")).isNull();
    assertThat(take("30 days")).as("not plausible and no keyword").isNull();
    assertThat(take("size 30")).as("a keyword makes it a size, to be refused by the bot").isNotNull();
    assertThat(CHART.plausible(21)).isTrue();
    assertThat(CHART.plausible(60)).isFalse();
  }

  private static SizeChart.Size take(String text) {
    return CHART.take(new StringBuilder(text));
  }
}
