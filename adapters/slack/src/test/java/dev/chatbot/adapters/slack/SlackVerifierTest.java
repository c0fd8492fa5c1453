package dev.chatbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.slack.SlackRequests;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackVerifierTest {

  // The worked example of Slack's "Verifying requests from Slack" documentation.
  static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String DOC_TIMESTAMP = "1531420618";
  static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
      + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
      + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
      + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static SlackVerifier verifierAt(long epochSeconds) {
    return new SlackVerifier(DOC_SECRET, Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC));
  }

  private static MultiMap headers(String timestamp, String signature) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (timestamp != null) {
      headers.add("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      headers.add("X-Slack-Signature", signature);
    }
    return headers;
  }

  private static Buffer docBody() {
    return Buffer.buffer(DOC_BODY.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsTheDocumentationTestVector() {
    assertThat(verifierAt(1531420618L).verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE), docBody())).isTrue();
  }

  @Test
  void computesTheDocumentedSignatureAndTheTestkitSignsTheSameWay() {
    byte[] body = DOC_BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(SlackVerifier.signature(DOC_SECRET, DOC_TIMESTAMP, body)).isEqualTo(DOC_SIGNATURE);
    assertThat(SlackRequests.signature(DOC_SECRET, DOC_TIMESTAMP, body)).isEqualTo(DOC_SIGNATURE);
  }

  @Test
  void rejectsAChangedBodyAnotherSecretAndMissingHeaders() {
    SlackVerifier verifier = verifierAt(1531420618L);
    assertThat(verifier.verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE), Buffer.buffer(DOC_BODY + "&x=1"))).isFalse();
    assertThat(new SlackVerifier("another-secret", Clock.fixed(Instant.ofEpochSecond(1531420618L), ZoneOffset.UTC))
        .verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE), docBody())).isFalse();
    assertThat(verifier.verify(headers(DOC_TIMESTAMP, null), docBody())).isFalse();
    assertThat(verifier.verify(headers(null, DOC_SIGNATURE), docBody())).isFalse();
    assertThat(verifier.verify(headers("not-a-number", DOC_SIGNATURE), docBody())).isFalse();
    assertThat(verifier.verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE.toUpperCase()), docBody())).isFalse();
  }

  @Test
  void acceptsFiveMinutesOfClockSkewAndNoMore() {
    long signedAt = 1531420618L;
    assertThat(verifierAt(signedAt + 300).verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE), docBody())).isTrue();
    assertThat(verifierAt(signedAt - 300).verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE), docBody())).isTrue();
    assertThat(verifierAt(signedAt + 301).verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE), docBody())).isFalse();
    assertThat(verifierAt(signedAt - 301).verify(headers(DOC_TIMESTAMP, DOC_SIGNATURE), docBody())).isFalse();
  }
}
