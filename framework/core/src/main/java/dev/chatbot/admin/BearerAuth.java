package dev.chatbot.admin;

import dev.chatbot.spi.HttpErrors;
import dev.chatbot.spi.Signatures;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code Authorization: Bearer <ADMIN_API_TOKEN>}, compared in constant time; anything else is a 401. */
final class BearerAuth implements Handler<RoutingContext> {

  private static final String SCHEME = "bearer ";

  private final String token;

  BearerAuth(String token) {
    this.token = token;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    String given = bearer ? header.substring(SCHEME.length()).trim() : null;
    if (Signatures.constantTimeEquals(token, given)) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("www-authenticate", "Bearer realm=\"chatbot-admin\"");
    HttpErrors.send(ctx, 401, "unauthorized",
        List.of(header == null ? "missing Authorization: Bearer header" : "wrong bearer token"));
  }
}
