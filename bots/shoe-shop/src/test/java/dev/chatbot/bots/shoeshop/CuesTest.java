package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CuesTest {

  @Test
  void anyOfMatchesTheWordsLiterallyAndCapturesNothing() {
    Pattern pattern = Pattern.compile(Cues.anyOf(List.of("<", "max of", "$", "a.b")) + "(\\d+)");
    assertThat(pattern.matcher("<100").matches()).isTrue();
    assertThat(pattern.matcher("max of5").matches()).isTrue();
    assertThat(pattern.matcher("$5").matches()).isTrue();
    assertThat(pattern.matcher("axb5").matches()).isFalse();
    var matcher = pattern.matcher("a.b42");
    assertThat(matcher.matches()).isTrue();
    assertThat(matcher.groupCount()).isEqualTo(1);
    assertThat(matcher.group(1)).isEqualTo("42");
  }

  @Test
  void findsWordsInStringsAndBuilders() {
    List<String> words = List.of("under", "less than");
    assertThat(Cues.anyIn("boots less than 90", words)).isTrue();
    assertThat(Cues.anyIn(new StringBuilder("boots under 90"), words)).isTrue();
    assertThat(Cues.anyIn(new StringBuilder("boots less  than 90"), words)).isFalse();
    assertThat(Cues.anyIn("", words)).isFalse();
  }

  @Test
  void findsAsciiDigitsOnly() {
    assertThat(Cues.hasDigit("size 9")).isTrue();
    assertThat(Cues.hasDigit(new StringBuilder("0"))).isTrue();
    assertThat(Cues.hasDigit("size nine")).isFalse();
    assertThat(Cues.hasDigit("٣")).isFalse();
  }

  @Test
  void countsNumbers() {
    assertThat(Cues.numbers("size 10 1/2")).isEqualTo(3);
    assertThat(Cues.numbers("2 pairs")).isEqualTo(1);
    assertThat(Cues.numbers("42")).isEqualTo(1);
    assertThat(Cues.numbers("a1b22c333")).isEqualTo(3);
    assertThat(Cues.numbers("two")).isZero();
  }
}
