package dev.chatbot.adapters.meta;

import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts JSON to the Graph API with a bearer token (a header, not the {@code access_token} query parameter, so the
 * token never ends up in a URL that a proxy might log). An error answer fails the future with a {@link SendFailure}
 * and is logged once with Meta's message and code. Retrying is the core's job, not this class's.
 */
public final class GraphClient {

  private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);

  private final WebClient client;
  private final String platform;
  private final String accessToken;

  public GraphClient(WebClient client, String platform, String accessToken) {
    this.client = Objects.requireNonNull(client, "client");
    this.platform = Objects.requireNonNull(platform, "platform");
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
  }

  /** One call; completes with the answer's JSON (empty object when there is none). */
  public Future<JsonObject> post(String url, JsonObject body) {
    return client.postAbs(url)
        .putHeader("authorization", "Bearer " + accessToken)
        .sendJsonObject(body)
        .compose(this::answer);
  }

  /** Several calls, one after the other (a reply the platform needs as several messages); stops at the first error. */
  public Future<Void> postAll(String url, List<JsonObject> bodies) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject body : bodies) {
      chain = chain.compose(previous -> post(url, body).mapEmpty());
    }
    return chain;
  }

  private Future<JsonObject> answer(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    Buffer body = response.body();
    if (status >= 200 && status < 300) {
      // One parse on the hot path; Graph can put an error inside a 200, which goes the failure way below.
      JsonObject answer = json(body);
      if (!(answer.getValue("error") instanceof JsonObject)) {
        return Future.succeededFuture(answer);
      }
    }
    SendFailure failure = GraphErrors.toFailure(status, body, response.getHeader("retry-after"));
    LOG.warn("graph call failed platform={} status={} retryable={} error=\"{}\"",
        platform, status, failure.retryable(), failure.platformError());
    return Future.failedFuture(failure);
  }

  private static JsonObject json(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject object = MetaJson.objectOrNull(body);
      return object == null ? new JsonObject() : object;
    } catch (DecodeException notJson) {
      return new JsonObject();
    }
  }

  public void close() {
    client.close();
  }
}
