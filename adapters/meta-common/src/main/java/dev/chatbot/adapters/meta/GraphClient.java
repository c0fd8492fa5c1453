package dev.chatbot.adapters.meta;

import dev.chatbot.spi.CredentialCheck;
import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
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

  /** One call; completes when Graph accepted it. */
  public Future<Void> post(String url, JsonObject body) {
    return client.postAbs(url)
        .putHeader("authorization", "Bearer " + accessToken)
        .sendJsonObject(body)
        .compose(this::answer);
  }

  /** Several calls, one after the other (a reply the platform needs as several messages); stops at the first error. */
  public Future<Void> postAll(String url, List<JsonObject> bodies) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject body : bodies) {
      chain = chain.compose(previous -> post(url, body));
    }
    return chain;
  }

  /** Whether Meta accepts the token: {@code GET {apiBaseUrl}/me}, Graph's cheapest authenticated call. */
  public Future<CredentialCheck> checkToken(String apiBaseUrl) {
    return client.getAbs(apiBaseUrl + "/me")
        .addQueryParam("fields", "id,name")
        .putHeader("authorization", "Bearer " + accessToken)
        .send()
        .map(response -> GraphTokenCheck.of(response.statusCode(), response.body()))
        .otherwise(failure -> CredentialCheck.unreachable(String.valueOf(failure.getMessage())));
  }

  private Future<Void> answer(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    Buffer body = response.body();
    // Graph can put an error inside a 200. Nobody needs a success answer's fields, so its JSON is parsed only when
    // the text could hold an error: parsing every answer cost ~8% of the CPU per reply.
    if (status >= 200 && status < 300 && (!mentionsError(body) || GraphError.parse(body) == null)) {
      return Future.succeededFuture();
    }
    SendFailure failure = GraphErrors.toFailure(status, body, response.getHeader("retry-after"));
    LOG.warn("graph call failed platform={} status={} retryable={} error=\"{}\"",
        platform, status, failure.retryable(), failure.platformError());
    return Future.failedFuture(failure);
  }

  private static boolean mentionsError(Buffer body) {
    return body != null && body.length() > 0 && body.toString(StandardCharsets.UTF_8).contains("\"error\"");
  }

  public void close() {
    client.close();
  }
}
