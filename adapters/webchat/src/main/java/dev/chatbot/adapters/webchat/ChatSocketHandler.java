package dev.chatbot.adapters.webchat;

import dev.chatbot.spi.HttpErrors;
import dev.chatbot.spi.AdapterContext;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /chat/ws?conversation=ID&conversation_token=T&user=ID&user_token=T}: checks the page's origin, upgrades
 * to a WebSocket and hands it to a {@link ChatConnection}. An id is resumed only with its token; a missing id, or one
 * without its token, is replaced by a fresh one, which the page learns (with its token) from the first
 * ({@code session}) frame. So an id chosen or copied by someone else gets them a new, empty conversation.
 */
final class ChatSocketHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ChatSocketHandler.class);

  private final AdapterContext context;
  private final ConversationSockets sockets;
  private final SessionTokens tokens;
  private final AllowedOrigins origins;

  ChatSocketHandler(AdapterContext context, ConversationSockets sockets, SessionTokens tokens, AllowedOrigins origins) {
    this.context = context;
    this.sockets = sockets;
    this.tokens = tokens;
    this.origins = origins;
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
    if (!origins.allows(ctx.request().getHeader(HttpHeaders.ORIGIN), ctx.request().authority() == null ? null
        : ctx.request().authority().toString())) {
      HttpErrors.send(ctx, 403, "origin not allowed",
          List.of("add the page's origin to " + AllowedOrigins.VARIABLE + " to let it open the web chat"));
      return;
    }
    String conversation = resumed(ctx, "conversation");
    String user = resumed(ctx, "user");
    String greeting = ServerFrames.session(conversation, tokens.issue("conversation", conversation),
        user, tokens.issue("user", user));
    ctx.request().toWebSocket()
        .onSuccess(socket -> new ChatConnection(context, sockets, socket, conversation, user, greeting).open())
        .onFailure(failure -> LOG.debug("webchat upgrade failed error=\"{}\"", failure.getMessage()));
  }

  /** The id of {@code kind} the page presented, if its token matches; a fresh one otherwise. */
  private String resumed(RoutingContext ctx, String kind) {
    String presented = ctx.request().getParam(kind);
    return tokens.verified(kind, presented, ctx.request().getParam(kind + "_token")).orElseGet(() -> {
      if (presented != null) {
        LOG.debug("webchat {} id presented without its token: a fresh one is issued", kind);
      }
      return SessionIds.fresh();
    });
  }
}
