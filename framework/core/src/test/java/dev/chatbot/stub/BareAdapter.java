package dev.chatbot.stub;

import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.Settings;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An adapter with nothing behind it, for tests of what the core does with adapters (which settings it hands them,
 * which OpenAPI fragments it merges); {@link #settings()} keeps what {@link #configure} was given.
 */
public record BareAdapter(String platform, List<String> variables, List<String> openApi,
    AtomicReference<Settings> settings) implements PlatformAdapter {

  public BareAdapter(String platform, List<String> variables, List<String> openApi) {
    this(platform, variables, openApi, new AtomicReference<>());
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    return Future.succeededFuture();
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.UNLIMITED;
  }

  @Override
  public boolean configure(Settings given) {
    settings.set(given);
    return true;
  }
}
