package dev.chatbot.adapters.slack;

import dev.chatbot.spi.CredentialCheck;
import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code chat.postMessage} call per rendered reply. Slack reports most failures with HTTP 200 and
 * {@code {"ok": false, "error": "..."}}, so the body decides: such an answer fails the send with a
 * {@link SendFailure} carrying Slack's error code, retryable for rate limits and Slack-side errors, permanent for
 * the rest ({@code invalid_auth}, {@code channel_not_found}, {@code not_in_channel}...).
 */
final class SlackSender {

  private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
  private static final String OK_PREFIX = "{\"ok\":true";

  /** Error codes that may succeed when tried again later. */
  static final Set<String> RETRYABLE_ERRORS = Set.of(
      "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private final WebClient client;
  private final String postMessageUrl;
  private final String authTestUrl;
  private final String botToken;

  SlackSender(WebClient client, String apiBaseUrl, String botToken) {
    this.client = client;
    this.postMessageUrl = apiBaseUrl + "/chat.postMessage";
    this.authTestUrl = apiBaseUrl + "/auth.test";
    this.botToken = botToken;
  }

  Future<Void> postMessage(JsonObject body) {
    return client.postAbs(postMessageUrl)
        .bearerTokenAuthentication(botToken)
        .putHeader("content-type", "application/json; charset=utf-8")
        .sendJsonObject(body)
        .compose(response -> outcome(response, body.getString("channel")));
  }

  /** Whether Slack accepts the bot token: {@code auth.test}. */
  Future<CredentialCheck> authTest() {
    return client.postAbs(authTestUrl)
        .bearerTokenAuthentication(botToken)
        .send()
        .map(response -> SlackAuthTest.of(response.statusCode(), json(response.body())))
        .otherwise(failure -> CredentialCheck.unreachable(String.valueOf(failure.getMessage())));
  }

  private static Future<Void> outcome(HttpResponse<Buffer> response, String channel) {
    if (response.statusCode() == 200 && startsOk(response.body())) {
      return Future.succeededFuture();
    }
    JsonObject answer = json(response.body());
    String error = answer.getString("error");
    String retryAfter = response.getHeader("retry-after");
    int status = response.statusCode();
    if (status == 200 && answer.getBoolean("ok", false)) {
      return Future.succeededFuture();
    }
    SendFailure failure;
    if (status != 200) {
      failure = SendFailure.fromHttp(status, error != null ? error : "http_" + status, retryAfter);
    } else {
      String code = error != null ? error : "unreadable_response";
      boolean retryable = RETRYABLE_ERRORS.contains(code) || error == null;
      failure = new SendFailure(status, code, retryable, SendFailure.parseRetryAfter(retryAfter));
    }
    LOG.warn("slack send failed channel={} status={} error={} retryable={}",
        channel, status, failure.platformError(), failure.retryable());
    return Future.failedFuture(failure);
  }

  /**
   * Slack writes {@code "ok"} first and compactly; recognising that prefix spares parsing the whole answer (which
   * repeats the message posted). Any other shape is parsed.
   */
  private static boolean startsOk(Buffer body) {
    return body != null && body.length() >= OK_PREFIX.length()
        && body.getString(0, OK_PREFIX.length(), "UTF-8").equals(OK_PREFIX);
  }

  private static JsonObject json(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      return body.toJsonObject();
    } catch (DecodeException | ClassCastException notJson) {
      return new JsonObject();
    }
  }
}
