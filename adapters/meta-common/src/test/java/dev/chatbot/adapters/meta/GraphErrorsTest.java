package dev.chatbot.adapters.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.SendFailure;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GraphErrorsTest {

  private static Buffer error(int code, String extra) {
    return Buffer.buffer("{\"error\":{\"message\":\"(#" + code + ") Something\",\"type\":\"OAuthException\",\"code\":"
        + code + extra + ",\"fbtrace_id\":\"Ab12\"}}");
  }

  @Test
  void invalidParameterIsPermanentAndKeepsMessageAndCode() {
    SendFailure failure = GraphErrors.toFailure(400, Buffer.buffer(
        "{\"error\":{\"message\":\"(#100) The parameter recipient is required\",\"type\":\"OAuthException\","
            + "\"code\":100,\"error_subcode\":2018001,\"fbtrace_id\":\"AbCd\"}}"), null);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.platformError())
        .isEqualTo("(#100) The parameter recipient is required (code=100 subcode=2018001 fbtrace_id=AbCd)");
    assertThat(failure.retryAfter()).isNull();
  }

  @Test
  void expiredTokenIsPermanent() {
    assertThat(GraphErrors.toFailure(401, error(190, ""), null).retryable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 17, 32, 613, 80007, 130429, 131056, 2, 133004})
  void throttlingAndTemporaryCodesAreRetryableWhateverTheStatus(int code) {
    assertThat(GraphErrors.toFailure(400, error(code, ""), null).retryable()).isTrue();
  }

  @Test
  void transientFlagIsRetryable() {
    assertThat(GraphErrors.toFailure(400, error(999, ",\"is_transient\":true"), null).retryable()).isTrue();
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() {
    SendFailure failure = GraphErrors.toFailure(429, error(4, ""), "7");
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void serverErrorWithoutJsonIsRetryable() {
    SendFailure failure = GraphErrors.toFailure(502, Buffer.buffer("<html>Bad gateway</html>"), null);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.platformError()).isEqualTo("HTTP 502 without a Graph error body");
  }

  @Test
  void parseIgnoresBodiesThatAreNotGraphErrors() {
    assertThat(GraphError.parse(Buffer.buffer("{\"success\":true}"))).isNull();
    assertThat(GraphError.parse(Buffer.buffer("[1]"))).isNull();
    assertThat(GraphError.parse(Buffer.buffer("not json"))).isNull();
    assertThat(GraphError.parse(Buffer.buffer())).isNull();
  }
}
