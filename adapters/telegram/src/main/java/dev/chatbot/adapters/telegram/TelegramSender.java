package dev.chatbot.adapters.telegram;

import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API client: {@code POST {base}/bot{token}/{method}} with a JSON body. Telegram answers
 * {@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code":...,"description":...}}; a flood-control 429
 * carries {@code parameters.retry_after} in seconds, which becomes the failure's {@code retryAfter}. The token is in
 * every URL, so no URL and no client error message leaves this class unredacted.
 */
final class TelegramSender {

  private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);
  private static final String OK_PREFIX = "{\"ok\":true";

  private final WebClient client;
  private final String methodsUrl;
  private final String token;

  TelegramSender(WebClient client, String apiBaseUrl, String token) {
    this.client = client;
    this.methodsUrl = apiBaseUrl + "/bot" + token + "/";
    this.token = token;
  }

  /** The calls one after the other (a carousel is several messages); fails at the first that fails. */
  Future<Void> call(List<TelegramCall> calls) {
    Future<Void> chain = Future.succeededFuture();
    for (TelegramCall next : calls) {
      chain = chain.compose(previous -> call(next));
    }
    return chain;
  }

  Future<Void> call(TelegramCall call) {
    return client.postAbs(methodsUrl + call.method())
        .putHeader("content-type", "application/json")
        .sendJsonObject(call.body())
        .recover(failure -> Future.failedFuture(networkFailure(failure)))
        .compose(TelegramSender::outcome);
  }

  /** Stops the tapped button's spinner. Best effort: the bot's answer matters more, so a failure is only logged. */
  void answerCallbackQuery(String queryId) {
    call(new TelegramCall("answerCallbackQuery", new JsonObject().put("callback_query_id", queryId)))
        .onFailure(failure -> LOG.warn("telegram answerCallbackQuery failed error=\"{}\"", failure.getMessage()));
  }

  private static Future<Void> outcome(HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (response.statusCode() == 200 && startsOk(body)) {
      return Future.succeededFuture();
    }
    JsonObject answer = json(body);
    if (response.statusCode() == 200 && answer.getBoolean("ok", false)) {
      return Future.succeededFuture();
    }
    int status = answer.getInteger("error_code", response.statusCode());
    String description = answer.getString("description", "http_" + response.statusCode());
    JsonObject parameters = answer.getJsonObject("parameters", new JsonObject());
    Duration retryAfter = parameters.getLong("retry_after") != null
        ? Duration.ofSeconds(parameters.getLong("retry_after"))
        : SendFailure.parseRetryAfter(response.getHeader("retry-after"));
    boolean retryable = status == 429 || status >= 500 || response.statusCode() >= 500;
    return Future.failedFuture(new SendFailure(status, description, retryable, retryAfter));
  }

  /** A connection that failed or timed out is worth retrying; its message may hold the URL, hence the token. */
  private SendFailure networkFailure(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).replace(token, "<token>");
    return new SendFailure(0, failure.getClass().getSimpleName() + ": " + message, true, null);
  }

  /** Telegram writes {@code "ok"} first and compactly; recognising it spares parsing the echoed message. */
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
