package dev.chatbot.testkit;

import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import io.vertx.core.Future;
import java.util.List;

/** An adapter that exists only in this test's class path: the server must find it through ServiceLoader. */
public final class DiscoveredAdapter implements PlatformAdapter {

  @Override
  public String platform() {
    return "discovered";
  }

  @Override
  public List<String> variables() {
    return List.of("DISCOVERED_TOKEN");
  }

  /** A platform of tests only. */
  @Override
  public List<String> openApi() {
    return List.of();
  }

  @Override
  public boolean configure(Settings settings) {
    return settings.group("discovered adapter", "DISCOVERED_TOKEN", "DISCOVERED_SECRET");
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.UNLIMITED;
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    context.router().get(webhookPath()).handler(ctx -> ctx.response().end("discovered"));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    return Future.succeededFuture();
  }
}
