package dev.chatbot.adapters.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MetaSignatureVerifierTest {

  private static final String SECRET = "app-secret";
  private static final String BODY = "{\"object\":\"page\",\"entry\":[]}";
  private final MetaSignatureVerifier verifier = new MetaSignatureVerifier(SECRET);

  private boolean verify(String header, String body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (header != null) {
      headers.add("x-hub-signature-256", header);
    }
    return verifier.verify(headers, Buffer.buffer(body));
  }

  @Test
  void acceptsTheSignatureTheTestkitComputes() {
    assertThat(verify(MetaWebhooks.signature(SECRET, BODY), BODY)).isTrue();
  }

  @Test
  void matchesTheKnownHmacOfMetasAlgorithm() {
    // printf '%s' "$BODY" | openssl dgst -sha256 -hmac app-secret
    assertThat(MetaSignatureVerifier.signature(SECRET, BODY.getBytes()))
        .isEqualTo("sha256=" + dev.chatbot.spi.Signatures.hmacSha256Hex(SECRET, BODY.getBytes()))
        .hasSize("sha256=".length() + 64);
  }

  @Test
  void acceptsUpperCaseHex() {
    String signature = MetaWebhooks.signature(SECRET, BODY);
    assertThat(verify("sha256=" + signature.substring(7).toUpperCase(Locale.ROOT), BODY)).isTrue();
  }

  @Test
  void rejectsMissingWrongAndMalformedSignatures() {
    assertThat(verify(null, BODY)).isFalse();
    assertThat(verify("", BODY)).isFalse();
    assertThat(verify(MetaWebhooks.signature("other-secret", BODY), BODY)).isFalse();
    assertThat(verify(MetaWebhooks.signature(SECRET, BODY), BODY + " ")).isFalse();
    assertThat(verify(MetaWebhooks.signature(SECRET, BODY).substring(7), BODY)).as("without sha256=").isFalse();
    assertThat(verify("sha1=" + MetaWebhooks.signature(SECRET, BODY).substring(7), BODY)).isFalse();
  }
}
