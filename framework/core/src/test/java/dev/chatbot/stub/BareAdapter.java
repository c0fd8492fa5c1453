package dev.chatbot.stub;

import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.Settings;
import io.vertx.core.Future;
import java.util.List;

/** An adapter with nothing behind it, for tests of what the core does with adapters: it keeps its settings. */
public final class BareAdapter implements PlatformAdapter {

  private final String platform;
  private final List<String> variables;
  private final List<String> openApi;
  private Settings settings;

  public BareAdapter(String platform, List<String> variables, List<String> openApi) {
    this.platform = platform;
    this.variables = variables;
    this.openApi = openApi;
  }

  /** What {@link #configure} was given. */
  public Settings settings() {
    return settings;
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  @Override
  public List<String> openApi() {
    return openApi;
  }

  @Override
  public boolean configure(Settings settings) {
    this.settings = settings;
    return true;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.UNLIMITED;
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    return Future.succeededFuture();
  }
}
