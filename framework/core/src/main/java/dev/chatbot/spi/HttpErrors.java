package dev.chatbot.spi;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
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

  /**
   * Whether the request failed because the client went away (reset or closed mid-upload): nothing can be answered
   * and nothing is wrong with the server, so it is no error to log.
   */
  public static boolean clientGone(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    return failure instanceof HttpClosedException || failure instanceof IOException || ctx.response().closed();
  }

  public static void send(RoutingContext ctx, int status, String error) {
    send(ctx, status, error, List.of());
  }
}
