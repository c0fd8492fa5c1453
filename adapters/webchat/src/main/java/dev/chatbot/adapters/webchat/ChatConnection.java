package dev.chatbot.adapters.webchat;

import dev.chatbot.spi.WebhookOutcome;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.AdapterContext;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket of one conversation: reads the page's frames into neutral messages for the core, answers each
 * with an {@code ack} or an {@code error} frame. A bad frame never closes the socket.
 */
final class ChatConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ChatConnection.class);

  /** A person types a few messages a second at most; more is a script, slowed down with an error frame. */
  static final int MAX_MESSAGES_PER_SECOND = 20;

  private final AdapterContext context;
  private final ConversationSockets sockets;
  private final ServerWebSocket socket;
  private final ConversationRef conversation;
  private final UserRef user;
  private io.vertx.core.Future<dev.chatbot.spi.Inbound.Accepted> accepting = io.vertx.core.Future.succeededFuture();
  private long windowStart;
  private int messagesInWindow;

  private final String greeting;

  /** {@code greeting} is the session frame: the ids and their tokens. */
  ChatConnection(AdapterContext context, ConversationSockets sockets, ServerWebSocket socket, String conversation,
      String user, String greeting) {
    this.context = context;
    this.sockets = sockets;
    this.socket = socket;
    this.conversation = ConversationRef.of(WebchatAdapter.PLATFORM, conversation);
    this.user = UserRef.of(WebchatAdapter.PLATFORM, user);
    this.greeting = greeting;
  }

  void open() {
    socket.frameHandler(new MessageAssembler(ClientFrame.MAX_FRAME_BYTES, new MessageAssembler.Listener() {
      @Override
      public void text(String text) {
        onText(text);
      }

      @Override
      public void rejected(ClientFrame.BadFrame bad) {
        reject(bad);
      }

      @Override
      public void invalidUtf8() {
        context.countWebhook(WebhookOutcome.bad_request);
        socket.close((short) 1007, "invalid UTF-8 in a text frame");
      }
    })::frame);
    socket.exceptionHandler(failure -> LOG.debug("webchat socket error conversation={} error=\"{}\"",
        conversation.key(), failure.getMessage()));
    socket.closeHandler(closed -> {
      sockets.detach(conversation.channel(), socket);
      LOG.debug("webchat closed conversation={}", conversation.key());
    });
    // The session frame goes first, then anything queued while the tab was away.
    if (!sockets.attach(conversation.channel(), socket, greeting)) {
      socket.writeTextMessage(ServerFrames.error("too many open tabs for this conversation", null, false));
      socket.close((short) 1008, "too many sockets");
      return;
    }
    LOG.debug("webchat connected conversation={}", conversation.key());
  }

  private void onText(String text) {
    ClientFrame frame;
    try {
      frame = ClientFrame.parse(text);
    } catch (ClientFrame.BadFrame bad) {
      reject(bad);
      return;
    }
    if (frame.type() == ClientFrame.Type.PING) {
      socket.writeTextMessage(ServerFrames.pong());
      return;
    }
    if (!context.accepting()) {
      context.countWebhook(WebhookOutcome.unavailable);
      socket.writeTextMessage(ServerFrames.error("the server is restarting, try again in a moment", frame.id(), true));
      return;
    }
    if (tooFast()) {
      socket.writeTextMessage(ServerFrames.error("too many messages, slow down", frame.id(), true));
      return;
    }
    // Page ids are only unique within a tab, so the conversation is part of the id the core dedupes on.
    String clientId = frame.id() != null ? frame.id() : SessionIds.fresh();
    Message message = frame.toMessage(conversation.channel() + ":" + clientId, conversation, user);
    // One frame at a time: in a cluster accept() may forward to another member, and two forwards in flight could
    // overtake each other.
    accepting = accepting.transform(previous -> context.inbound().accept(List.of(message))).onComplete(
        accepted -> {
          boolean duplicate = accepted.accepted() == 0 && accepted.duplicates() > 0;
          context.countWebhook(duplicate ? WebhookOutcome.duplicate : WebhookOutcome.ok);
          socket.writeTextMessage(ServerFrames.ack(clientId, duplicate));
        },
        failure -> {
          LOG.warn("webchat accept failed conversation={} error=\"{}\"", conversation.key(), failure.getMessage());
          socket.writeTextMessage(ServerFrames.error("could not take the message, try again", frame.id(), true));
        });
  }

  private void reject(ClientFrame.BadFrame bad) {
    context.countWebhook(WebhookOutcome.bad_request);
    socket.writeTextMessage(ServerFrames.error(bad.getMessage(), bad.id(), false));
  }

  /** Runs on the socket's event loop only, so plain fields are enough. */
  private boolean tooFast() {
    long now = System.currentTimeMillis();
    if (now - windowStart >= 1_000) {
      windowStart = now;
      messagesInWindow = 0;
    }
    return ++messagesInWindow > MAX_MESSAGES_PER_SECOND;
  }
}
