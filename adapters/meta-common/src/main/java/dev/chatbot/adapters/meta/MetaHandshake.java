package dev.chatbot.adapters.meta;

import dev.chatbot.spi.HttpErrors;
import dev.chatbot.spi.Signatures;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code GET} Meta sends when a webhook URL is registered: {@code hub.mode=subscribe}, {@code hub.verify_token}
 * and {@code hub.challenge}. The challenge is echoed as {@code text/plain} only when the token matches (403 when it
 * does not, 400 when a parameter is missing). The token arrives in the query string, so it is never logged.
 */
public final class MetaHandshake implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(MetaHandshake.class);
  /** The OpenAPI components of the handshake and the signature, which each Meta adapter lists before its own. */
  public static final String OPENAPI = "openapi/meta.yaml";
  static final String MODE = "hub.mode";
  static final String TOKEN = "hub.verify_token";
  static final String CHALLENGE = "hub.challenge";

  private final String platform;
  private final String verifyToken;

  public MetaHandshake(String platform, String verifyToken) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.verifyToken = Objects.requireNonNull(verifyToken, "verifyToken");
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String mode = request.getParam(MODE);
    String token = request.getParam(TOKEN);
    String challenge = request.getParam(CHALLENGE);
    List<String> missing = new ArrayList<>();
    for (String[] param : new String[][] {{MODE, mode}, {TOKEN, token}, {CHALLENGE, challenge}}) {
      if (param[1] == null || param[1].isEmpty()) {
        missing.add(param[0] + " is missing");
      }
    }
    if (!missing.isEmpty()) {
      HttpErrors.send(ctx, 400, "not a webhook verification request", missing);
      return;
    }
    if (!"subscribe".equals(mode) || !Signatures.constantTimeEquals(verifyToken, token)) {
      LOG.warn("webhook verification refused platform={} reason={}", platform,
          "subscribe".equals(mode) ? "wrong_verify_token" : "unexpected_mode");
      HttpErrors.send(ctx, 403, "verification failed");
      return;
    }
    LOG.info("webhook verified platform={}", platform);
    ctx.response()
        .setStatusCode(200)
        .putHeader("content-type", "text/plain")
        // The challenge is reflected: make sure no browser ever sniffs it into something executable.
        .putHeader("x-content-type-options", "nosniff")
        .end(challenge);
  }
}
