package dev.chatbot.adapters.webchat;

import dev.chatbot.server.HttpErrors;
import dev.chatbot.spi.AdapterContext;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /chat/ws?conversation=ID&user=ID}: upgrades to a WebSocket and hands it to a {@link ChatConnection}.
 * Unusable or missing ids are replaced by fresh ones, which the page learns from the first ({@code session}) frame.
 */
final class ChatSocketHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ChatSocketHandler.class);

  private final AdapterContext context;
  private final ConversationSockets sockets;

  ChatSocketHandler(AdapterContext context, ConversationSockets sockets) {
    this.context = context;
    this.sockets = sockets;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      HttpErrors.send(ctx, 400, "expected a WebSocket upgrade", List.of(WebchatAdapter.SOCKET_PATH));
      return;
    }
    if (!context.accepting()) {
      ctx.response().putHeader("retry-after", "5");
      HttpErrors.send(ctx, 503, "shutting down");
      return;
    }
    String conversation = SessionIds.orNew(ctx.request().getParam("conversation"));
    String user = SessionIds.orNew(ctx.request().getParam("user"));
    ctx.request().toWebSocket()
        .onSuccess(socket -> new ChatConnection(context, sockets, socket, conversation, user).open())
        .onFailure(failure -> LOG.debug("webchat upgrade failed error=\"{}\"", failure.getMessage()));
  }
}
