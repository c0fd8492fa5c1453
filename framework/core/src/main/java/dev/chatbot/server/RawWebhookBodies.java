package dev.chatbot.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Webhook bodies are bytes to verify, never forms to decode: the router's body handler decodes
 * {@code application/x-www-form-urlencoded} itself (with Vert.x's 8 KB limit per field, before any signature is
 * checked), which refuses a Slack tap on a big carousel (Slack sends the whole message back with it). Runs before the
 * body handler and tells it the body is plain bytes; the original type stays in {@link #CONTENT_TYPE} for whoever
 * needs it, and the adapter decodes the form from the verified bytes (Slack's {@code SlackForm}).
 */
final class RawWebhookBodies implements Handler<RoutingContext> {

  static final String CONTENT_TYPE = "chatbot.webhook-content-type";
  private static final String RAW = "application/octet-stream";

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && (type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
        || type.regionMatches(true, 0, "multipart/", 0, 10))) {
      ctx.put(CONTENT_TYPE, type);
      ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, RAW);
    }
    ctx.next();
  }
}
