package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextCuesTest {

  @Test
  void anyOfMatchesTheWordsLiterallyAndCapturesNothing() {
    Pattern pattern = Pattern.compile(TextCues.anyOf(List.of("<", "max of", "$", "a.b")) + "(\\d+)");
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
    assertThat(TextCues.anyIn("boots less than 90", words)).isTrue();
    assertThat(TextCues.anyIn(new StringBuilder("boots under 90"), words)).isTrue();
    assertThat(TextCues.anyIn(new StringBuilder("boots less  than 90"), words)).isFalse();
    assertThat(TextCues.anyIn("", words)).isFalse();
  }

  @Test
  void findsAsciiDigitsOnly() {
    assertThat(TextCues.hasDigit("size 9")).isTrue();
    assertThat(TextCues.hasDigit(new StringBuilder("0"))).isTrue();
    assertThat(TextCues.hasDigit("size nine")).isFalse();
    assertThat(TextCues.hasDigit("٣")).isFalse();
  }

  @Test
  void countsNumbers() {
    assertThat(TextCues.numbers("size 10 1/2")).isEqualTo(3);
    assertThat(TextCues.numbers("2 pairs")).isEqualTo(1);
    assertThat(TextCues.numbers("42")).isEqualTo(1);
    assertThat(TextCues.numbers("a1b22c333")).isEqualTo(3);
    assertThat(TextCues.numbers("two")).isZero();
  }
}
