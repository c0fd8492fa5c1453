package dev.chatbot.adapters.slack;

import dev.chatbot.metrics.ChatbotMetrics.Outcome;
import dev.chatbot.server.HttpErrors;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * One Slack endpoint. The same steps and status codes as the core's {@code context.webhook(...)} (503 while
 * draining, 401 bad signature, 400 unreadable, then accept and 200, each counted), but with Slack's answers: the
 * {@code url_verification} challenge as JSON, and otherwise an empty 200, because Slack shows any text a slash
 * command's response carries to the user.
 */
final class SlackEndpoint implements Handler<RoutingContext> {

  private final AdapterContext context;
  private final WebhookVerifier verifier;
  private final Function<Buffer, SlackInbound> parser;

  SlackEndpoint(AdapterContext context, WebhookVerifier verifier, Function<Buffer, SlackInbound> parser) {
    this.context = context;
    this.verifier = verifier;
    this.parser = parser;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!context.accepting()) {
      context.metrics().webhook(SlackAdapter.PLATFORM, Outcome.unavailable);
      ctx.response().putHeader("retry-after", "5");
      HttpErrors.send(ctx, 503, "shutting down");
      return;
    }
    Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    if (!verifier.verify(ctx.request().headers(), body)) {
      context.metrics().webhook(SlackAdapter.PLATFORM, Outcome.bad_signature);
      HttpErrors.send(ctx, 401, "invalid signature");
      return;
    }
    SlackInbound inbound;
    try {
      inbound = parser.apply(body);
    } catch (DecodeException | BadRequestException | IllegalArgumentException | ClassCastException
        | NullPointerException e) {
      context.metrics().webhook(SlackAdapter.PLATFORM, Outcome.bad_request);
      HttpErrors.send(ctx, 400, "unexpected payload", List.of(firstLine(String.valueOf(e.getMessage()))));
      return;
    }
    if (inbound.challenge() != null) {
      context.metrics().webhook(SlackAdapter.PLATFORM, Outcome.ok);
      ctx.response().putHeader("content-type", "application/json")
          .end(new JsonObject().put("challenge", inbound.challenge()).encode());
      return;
    }
    context.inbound().accept(inbound.messages()).onComplete(
        accepted -> {
          boolean duplicate = accepted.accepted() == 0 && accepted.duplicates() > 0;
          context.metrics().webhook(SlackAdapter.PLATFORM, duplicate ? Outcome.duplicate : Outcome.ok);
          ctx.response().setStatusCode(200).end();
        },
        failure -> HttpErrors.send(ctx, 503, "could not accept events", List.of(String.valueOf(failure.getMessage()))));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
