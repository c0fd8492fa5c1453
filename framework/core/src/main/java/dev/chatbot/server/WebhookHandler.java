package dev.chatbot.server;

import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.metrics.ChatbotMetrics.Outcome;
import dev.chatbot.model.Message;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.WebhookParser;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The webhook path every adapter shares: refuse when draining, verify, parse, accept, acknowledge. Holds the
 * {@link Lifecycle} open from the accepting check until the messages are queued, so shutdown cannot slip between.
 */
final class WebhookHandler implements Handler<RoutingContext> {

  private final String platform;
  private final WebhookVerifier verifier;
  private final WebhookParser parser;
  private final Inbound inbound;
  private final ChatbotMetrics metrics;
  private final Lifecycle lifecycle;
  static final int VERIFY_ON_WORKER_BYTES = 64 * 1024;

  WebhookHandler(String platform, WebhookVerifier verifier, WebhookParser parser, Inbound inbound,
      ChatbotMetrics metrics, Lifecycle lifecycle) {
    this.platform = platform;
    this.verifier = verifier;
    this.parser = parser;
    this.inbound = inbound;
    this.metrics = metrics;
    this.lifecycle = lifecycle;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!lifecycle.enter()) {
      metrics.webhook(platform, Outcome.unavailable);
      ctx.response().putHeader("retry-after", "5");
      HttpErrors.send(ctx, 503, "shutting down");
      return;
    }
    Future<Void> handled;
    try {
      handled = verifyParseAccept(ctx);
    } catch (RuntimeException e) {
      handled = Future.failedFuture(e);
    }
    handled.onComplete(done -> lifecycle.exit(), failure -> {
      lifecycle.exit();
      ctx.fail(failure);
    });
  }

  /** Completes once the response is sent (and the messages, if any, are queued). */
  private Future<Void> verifyParseAccept(RoutingContext ctx) {
    Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    return verified(ctx, body).compose(valid -> {
      if (!valid) {
        metrics.webhook(platform, Outcome.bad_signature);
        HttpErrors.send(ctx, 401, "invalid signature");
        return Future.succeededFuture();
      }
      return parseAccept(ctx, body);
    });
  }

  /**
   * The signature check: an HMAC over a large body takes milliseconds of CPU, and a flood of them (no secret needed)
   * would stall the event loop and every health check queued behind it, so large bodies are hashed on a worker.
   */
  private Future<Boolean> verified(RoutingContext ctx, Buffer body) {
    if (body.length() < VERIFY_ON_WORKER_BYTES) {
      return Future.succeededFuture(verifier.verify(ctx.request().headers(), body));
    }
    return ctx.vertx().executeBlocking(() -> verifier.verify(ctx.request().headers(), body), false);
  }

  private Future<Void> parseAccept(RoutingContext ctx, Buffer body) {
    List<Message> messages;
    try {
      messages = parser.parse(ctx.request().headers(), body);
    } catch (DecodeException e) {
      metrics.webhook(platform, Outcome.bad_request);
      HttpErrors.send(ctx, 400, "malformed JSON", List.of(firstLine(e.getMessage())));
      return Future.succeededFuture();
    } catch (BadRequestException | IllegalArgumentException | ClassCastException | NullPointerException e) {
      metrics.webhook(platform, Outcome.bad_request);
      HttpErrors.send(ctx, 400, "unexpected payload", List.of(firstLine(String.valueOf(e.getMessage()))));
      return Future.succeededFuture();
    }
    return inbound.accept(messages).transform(result -> {
      if (result.succeeded()) {
        Inbound.Accepted accepted = result.result();
        boolean duplicate = accepted.accepted() == 0 && accepted.duplicates() > 0;
        metrics.webhook(platform, duplicate ? Outcome.duplicate : Outcome.ok);
        ctx.response().setStatusCode(200).putHeader("content-type", "text/plain").end("EVENT_RECEIVED");
      } else {
        HttpErrors.send(ctx, 503, "could not accept events", List.of(String.valueOf(result.cause().getMessage())));
      }
      return Future.<Void>succeededFuture();
    });
  }

  static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
