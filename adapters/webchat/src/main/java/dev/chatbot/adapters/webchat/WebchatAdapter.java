package dev.chatbot.adapters.webchat;

import dev.chatbot.config.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The web chat platform: always on, it needs no credentials. {@code GET /chat} serves the page, {@code /chat/ws}
 * carries the conversation both ways. Replies are sent as the neutral {@link Reply} JSON the page renders itself.
 */
public final class WebchatAdapter implements PlatformAdapter {

  public static final String PLATFORM = "webchat";
  static final String PAGE_PATH = "/chat";
  static final String SOCKET_PATH = "/chat/ws";

  private final ConversationSockets sockets;

  public WebchatAdapter() {
    this(new ConversationSockets(ConversationSockets.MAX_QUEUED_PER_CONVERSATION,
        ConversationSockets.MAX_OFFLINE_CONVERSATIONS, ConversationSockets.QUEUE_TTL));
  }

  WebchatAdapter(ConversationSockets sockets) {
    this.sockets = sockets;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public List<String> variables() {
    return List.of();
  }

  @Override
  public boolean configure(Settings settings) {
    return true;
  }

  @Override
  public String webhookPath() {
    return PAGE_PATH;
  }

  /** A browser shows anything the model can say, so the fitter has nothing to cut. */
  @Override
  public Capabilities capabilities() {
    return Capabilities.UNLIMITED;
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    // The socket route first: the page's static handler must never see an upgrade request.
    context.router().get(SOCKET_PATH).handler(new ChatSocketHandler(context, sockets));
    ChatPage.mount(context.router());
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    return sockets.send(to.channel(), reply, JsonObject.mapFrom(reply).encode());
  }

  @Override
  public Future<Void> stop() {
    return sockets.closeAll();
  }
}
