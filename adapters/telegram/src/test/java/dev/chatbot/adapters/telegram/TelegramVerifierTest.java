package dev.chatbot.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class TelegramVerifierTest {

  static final TelegramVerifier VERIFIER = new TelegramVerifier("s3cret_token-1");
  static final Buffer BODY = Buffer.buffer("{\"update_id\":1}");

  static MultiMap headers(String secret) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    return secret == null ? headers : headers.add("X-Telegram-Bot-Api-Secret-Token", secret);
  }

  @Test
  void theConfiguredSecretPasses() {
    assertThat(VERIFIER.verify(headers("s3cret_token-1"), BODY)).isTrue();
    assertThat(VERIFIER.verify(MultiMap.caseInsensitiveMultiMap()
        .add("x-telegram-bot-api-secret-token", "s3cret_token-1"), BODY)).as("header names ignore case").isTrue();
  }

  @Test
  void aMissingWrongOrPartialSecretFails() {
    assertThat(VERIFIER.verify(headers(null), BODY)).isFalse();
    assertThat(VERIFIER.verify(headers(""), BODY)).isFalse();
    assertThat(VERIFIER.verify(headers("s3cret_token-2"), BODY)).isFalse();
    assertThat(VERIFIER.verify(headers("s3cret_token-"), BODY)).isFalse();
    assertThat(VERIFIER.verify(headers("S3CRET_TOKEN-1"), BODY)).isFalse();
  }
}
