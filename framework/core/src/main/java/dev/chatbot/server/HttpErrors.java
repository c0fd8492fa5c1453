package dev.chatbot.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Every error answer of the server has one shape: {@code {"error": "...", "details": [...]}}. */
public final class HttpErrors {

  private HttpErrors() {}

  public static void send(RoutingContext ctx, int status, String error, List<String> details) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", error).put("details", new JsonArray(List.copyOf(details))).encode());
  }

  public static void send(RoutingContext ctx, int status, String error) {
    send(ctx, status, error, List.of());
  }
}
