package dev.chatbot.server;

import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.model.Message;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.HttpErrors;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.WebhookOutcome;
import dev.chatbot.spi.WebhookReader;
import dev.chatbot.spi.WebhookResult;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The webhook path every adapter shares: refuse when draining, verify, parse, accept (into the inbox), acknowledge
 * with the platform's answer, then whatever the platform needs after the {@code 200}. Holds the {@link Lifecycle}
 * open from the accepting check until the messages are queued, so shutdown cannot slip between.
 */
final class WebhookHandler implements Handler<RoutingContext> {

  private final String platform;
  private final WebhookVerifier verifier;
  private final WebhookReader reader;
  private final Inbound inbound;
  private final ChatbotMetrics metrics;
  private final Lifecycle lifecycle;
  static final int VERIFY_ON_WORKER_BYTES = 64 * 1024;

  WebhookHandler(String platform, WebhookVerifier verifier, WebhookReader reader, Inbound inbound,
      ChatbotMetrics metrics, Lifecycle lifecycle) {
    this.platform = platform;
    this.verifier = verifier;
    this.reader = reader;
    this.inbound = inbound;
    this.metrics = metrics;
    this.lifecycle = lifecycle;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!lifecycle.enter()) {
      metrics.webhook(platform, WebhookOutcome.unavailable);
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
        metrics.webhook(platform, WebhookOutcome.bad_signature);
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
    WebhookResult result;
    try {
      result = reader.read(ctx.request().headers(), body);
    } catch (DecodeException e) {
      metrics.webhook(platform, WebhookOutcome.bad_request);
      HttpErrors.send(ctx, 400, "malformed JSON", List.of(firstLine(e.getMessage())));
      return Future.succeededFuture();
    } catch (BadRequestException | IllegalArgumentException e) {
      metrics.webhook(platform, WebhookOutcome.bad_request);
      HttpErrors.send(ctx, 400, "unexpected payload", List.of(firstLine(String.valueOf(e.getMessage()))));
      return Future.succeededFuture();
    } catch (ClassCastException | NullPointerException e) {
      // A parser that read a field without checking its type: the sender learns that much, never a Java class name.
      metrics.webhook(platform, WebhookOutcome.bad_request);
      HttpErrors.send(ctx, 400, "unexpected payload", List.of("a field is missing or has the wrong type"));
      return Future.succeededFuture();
    }
    List<Message> messages = result.messages();
    Future<Inbound.Accepted> accepted = messages.isEmpty()
        ? Future.succeededFuture(new Inbound.Accepted(0, 0)) : inbound.accept(messages);
    return accepted.transform(outcome -> {
      if (outcome.succeeded()) {
        Inbound.Accepted counts = outcome.result();
        boolean duplicate = counts.accepted() == 0 && counts.duplicates() > 0;
        metrics.webhook(platform, duplicate ? WebhookOutcome.duplicate : WebhookOutcome.ok);
        acknowledge(ctx, result);
      } else {
        HttpErrors.send(ctx, 503, "could not accept events", List.of(String.valueOf(outcome.cause().getMessage())));
      }
      return Future.<Void>succeededFuture();
    });
  }

  private static void acknowledge(RoutingContext ctx, WebhookResult result) {
    var response = ctx.response().setStatusCode(200);
    if (result.contentType() != null && !result.body().isEmpty()) {
      response.putHeader("content-type", result.contentType());
    }
    Future<Void> sent = response.end(result.body());
    if (result.afterAck() != null) {
      sent.onSuccess(ended -> result.afterAck().run());
    }
  }

  static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
