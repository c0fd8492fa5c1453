package dev.chatbot.testkit;

import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-process platform for bot tests: {@code POST /webhooks/test} takes neutral {@link Message} JSON (one or an
 * array), and every reply the bot sends is kept per conversation for the test to read. On only when
 * {@code TEST_ADAPTER=on}, which {@link TestServer} sets.
 */
public final class TestAdapter implements PlatformAdapter {

  public static final String PLATFORM = "test";

  private final Map<String, BlockingQueue<Reply>> sent = new ConcurrentHashMap<>();
  private volatile Capabilities capabilities = Capabilities.UNLIMITED;
  private volatile java.time.Duration replyWindow;

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public List<String> variables() {
    return List.of("TEST_ADAPTER");
  }

  /** A platform of tests only: its webhook is no part of the product's API. */
  @Override
  public List<String> openApi() {
    return List.of();
  }

  @Override
  public boolean configure(Settings settings) {
    return settings.get("TEST_ADAPTER").map("on"::equals).orElse(false);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** Lets a test pretend to be a platform with tighter limits. */
  public void capabilities(Capabilities limits) {
    this.capabilities = limits;
  }

  @Override
  public java.time.Duration replyWindow() {
    return replyWindow;
  }

  /** Lets a test pretend to be a platform that only takes replies within {@code window} of the user's last message. */
  public void replyWindow(java.time.Duration window) {
    this.replyWindow = window;
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    context.router().post(webhookPath()).handler(context.webhook((headers, body) -> true, (headers, body) -> {
      Object json = io.vertx.core.json.Json.decodeValue(body);
      JsonArray items = json instanceof JsonArray array ? array : new JsonArray().add(json);
      return items.stream().map(item -> ((JsonObject) item).mapTo(Message.class)).toList();
    }));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    replies(to.channel()).add(reply);
    return Future.succeededFuture();
  }

  /** Everything sent to {@code channel} so far and not yet taken. */
  public BlockingQueue<Reply> replies(String channel) {
    return sent.computeIfAbsent(channel, key -> new LinkedBlockingQueue<>());
  }
}
