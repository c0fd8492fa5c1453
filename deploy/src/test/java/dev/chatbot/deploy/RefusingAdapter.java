package dev.chatbot.deploy;

import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import java.util.List;

/**
 * A platform that refuses every send the way Meta refuses an unknown recipient (a 400 that retrying cannot fix), for
 * the admin API's "failed" status. On only with {@code REFUSING_ADAPTER=on}.
 */
public final class RefusingAdapter implements PlatformAdapter {

  static final String PLATFORM = "refusing";
  static final String PLATFORM_ERROR = "(#100) No matching user found";

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public List<String> variables() {
    return List.of("REFUSING_ADAPTER");
  }

  /** A platform of tests only. */
  @Override
  public List<String> openApi() {
    return List.of();
  }

  @Override
  public boolean configure(Settings settings) {
    return settings.get("REFUSING_ADAPTER").map("on"::equals).orElse(false);
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
    return Future.failedFuture(SendFailure.fromHttp(400, PLATFORM_ERROR, null));
  }
}
