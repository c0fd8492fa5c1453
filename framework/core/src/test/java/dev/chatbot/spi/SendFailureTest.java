package dev.chatbot.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class SendFailureTest {

  @Test
  void readsRetryAfterInSeconds() {
    assertThat(SendFailure.parseRetryAfter("1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(SendFailure.parseRetryAfter(" 120 ")).isEqualTo(Duration.ofSeconds(120));
    assertThat(SendFailure.parseRetryAfter("-5")).isEqualTo(Duration.ZERO);
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    String inThirtySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));

    Duration wait = SendFailure.parseRetryAfter(inThirtySeconds);

    assertThat(wait).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
    assertThat(SendFailure.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).as("in the past").isEqualTo(Duration.ZERO);
  }

  @Test
  void ignoresAMissingOrUnreadableRetryAfter() {
    assertThat(SendFailure.parseRetryAfter(null)).isNull();
    assertThat(SendFailure.parseRetryAfter("")).isNull();
    assertThat(SendFailure.parseRetryAfter("soon")).isNull();
  }

  @Test
  void mapsHttpStatusesToRetryable() {
    assertThat(SendFailure.fromHttp(429, "slow down", "2").retryable()).isTrue();
    assertThat(SendFailure.fromHttp(429, "slow down", "2").retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(SendFailure.fromHttp(500, "oops", null).retryable()).isTrue();
    assertThat(SendFailure.fromHttp(503, "oops", null).retryable()).isTrue();
    assertThat(SendFailure.fromHttp(400, "Invalid OAuth access token.", null).retryable()).isFalse();
    assertThat(SendFailure.fromHttp(403, "forbidden", null).retryable()).isFalse();
  }
}
