package dev.chatbot.adapters.telegram;

import dev.chatbot.spi.CredentialCheck;
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

  /**
   * Whether Telegram accepts the token: {@code getMe}, the Bot API's cheapest call. Telegram answers a revoked or
   * wrong token with 401 and a malformed one with 404; anything else (flood control, 5xx, no answer) says nothing
   * about the token.
   */
  Future<CredentialCheck> getMe() {
    return client.postAbs(methodsUrl + "getMe").send()
        .map(response -> {
          JsonObject answer = answer(response);
          if (answer.getBoolean("ok", false)) {
            JsonObject bot = answer.getJsonObject("result", new JsonObject());
            return CredentialCheck.ok("bot=@" + bot.getString("username", "?") + " id=" + bot.getValue("id", "?"));
          }
          int status = answer.getInteger("error_code", response.statusCode());
          String description = answer.getString("description", "http_" + response.statusCode());
          return status == 401 || status == 404 ? CredentialCheck.rejected(description)
              : CredentialCheck.unreachable(description);
        })
        .otherwise(failure -> CredentialCheck.unreachable(networkFailure(failure).platformError()));
  }

  /** Stops the tapped button's spinner. Best effort: the bot's answer matters more, so a failure is only logged. */
  void answerCallbackQuery(String queryId) {
    call(new TelegramCall("answerCallbackQuery", new JsonObject().put("callback_query_id", queryId)))
        .onFailure(failure -> LOG.warn("telegram answerCallbackQuery failed error=\"{}\"", failure.getMessage()));
  }

  private static Future<Void> outcome(HttpResponse<Buffer> response) {
    JsonObject answer = answer(response);
    if (answer.getBoolean("ok", false)) {
      return Future.succeededFuture();
    }
    int status = answer.getInteger("error_code", response.statusCode());
    String description = answer.getString("description", "http_" + response.statusCode());
    Long retryAfterSeconds = answer.getJsonObject("parameters", new JsonObject()).getLong("retry_after");
    Duration retryAfter = retryAfterSeconds != null ? Duration.ofSeconds(retryAfterSeconds)
        : SendFailure.parseRetryAfter(response.getHeader("retry-after"));
    boolean retryable = status == 429 || status >= 500 || response.statusCode() >= 500;
    return Future.failedFuture(new SendFailure(status, description, retryable, retryAfter));
  }

  /** A connection that failed or timed out is worth retrying; its message may hold the URL, hence the token. */
  private SendFailure networkFailure(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).replace(token, "<token>");
    return new SendFailure(0, failure.getClass().getSimpleName() + ": " + message, true, null);
  }

  /** The Bot API's answer; an empty one when the body is not JSON (a proxy's error page, say). */
  private static JsonObject answer(HttpResponse<Buffer> response) {
    try {
      JsonObject body = response.bodyAsJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (DecodeException | ClassCastException notJson) {
      return new JsonObject();
    }
  }
}
