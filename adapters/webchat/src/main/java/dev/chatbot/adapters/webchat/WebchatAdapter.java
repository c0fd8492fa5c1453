package dev.chatbot.adapters.webchat;

import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat platform: always on, it needs no credentials. {@code GET /chat} serves the page, {@code /chat/ws}
 * carries the conversation both ways. Replies are sent as the neutral {@link Reply} JSON the page renders itself.
 */
public final class WebchatAdapter implements PlatformAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(WebchatAdapter.class);

  public static final String PLATFORM = "webchat";
  static final String PAGE_PATH = "/chat";
  static final String SOCKET_PATH = "/chat/ws";
  static final String KEY_FILE = "webchat-session.key";

  private final ConversationSockets sockets;
  private ClusterRelay relay;
  private Optional<String> secret = Optional.empty();
  private String allowedOrigins = "";

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
    secret = settings.get(SessionTokens.SECRET_VARIABLE);
    SessionTokens.from(secret); // a short secret stops startup here, naming the variable
    allowedOrigins = settings.get(AllowedOrigins.VARIABLE, "");
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
    return sessionTokens(context).compose(tokens -> {
      mount(context, tokens);
      return Future.succeededFuture();
    });
  }

  /** The configured secret; else the key kept with the data that survives restarts; else a key of this process. */
  private Future<SessionTokens> sessionTokens(AdapterContext context) {
    if (secret.isEmpty() && context.dataDir().isPresent()) {
      Path keyFile = context.dataDir().get().resolve(KEY_FILE);
      return context.vertx().executeBlocking(() -> SessionTokens.fromKeyFile(keyFile));
    }
    return Future.succeededFuture(SessionTokens.from(secret));
  }

  private void mount(AdapterContext context, SessionTokens tokens) {
    // The socket route first: the page's static handler must never see an upgrade request.
    AllowedOrigins origins = new AllowedOrigins(context.publicBaseUrl(), allowedOrigins);
    context.router().get(SOCKET_PATH).handler(new ChatSocketHandler(context, sockets, tokens, origins));
    ChatPage.mount(context.router());
    if (context.vertx().isClustered()) {
      if (!tokens.configured()) {
        LOG.warn("{} is not set: each cluster member signs web chat sessions with its own key, so a page that"
            + " reconnects to another member starts a new conversation", SessionTokens.SECRET_VARIABLE);
      }
      relay = new ClusterRelay(context.vertx(), sockets);
      sockets.presence(relay);
    }
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    String json = JsonObject.mapFrom(reply).encode();
    return relay != null ? relay.send(to.channel(), reply, json) : sockets.send(to.channel(), reply, json);
  }

  /** Whether a tab of {@code conversation} is connected to this process (for tests that await a close). */
  boolean connected(String conversation) {
    return sockets.connected(conversation);
  }

  @Override
  public Future<Void> stop() {
    return sockets.closeAll();
  }
}
