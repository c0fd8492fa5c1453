package dev.chatbot.stub;

import dev.chatbot.spi.Settings;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.AdapterContext;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;

/**
 * A test-only platform that behaves like a real one over HTTP: {@code POST /webhooks/stub} takes neutral
 * {@link Message} JSON (one or an array), and each reply is POSTed as {@code {"channel":..., "reply":{...}}} to
 * {@code STUB_PLATFORM_URL/send} (a WireMock server), a non-2xx answer failing with {@link SendFailure#fromHttp}.
 * On only when {@code STUB_PLATFORM_URL} is set.
 */
public final class StubPlatformAdapter implements PlatformAdapter {

  public static final String PLATFORM = "stub";

  private String baseUrl;
  private WebClient client;

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public List<String> variables() {
    return List.of("STUB_PLATFORM_URL");
  }

  @Override
  public boolean configure(Settings settings) {
    if (settings.get("STUB_PLATFORM_URL").isEmpty()) {
      return false;
    }
    baseUrl = settings.baseUrl("STUB_PLATFORM_URL", null);
    return true;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.UNLIMITED;
  }

  @Override
  public Future<Void> start(AdapterContext context) {
    client = context.createWebClient();
    context.router().post(webhookPath()).handler(context.webhook((headers, body) -> true, (headers, body) -> {
      String json = body.toString().trim();
      JsonArray items = json.startsWith("[") ? new JsonArray(json) : new JsonArray().add(new JsonObject(json));
      return items.stream().map(item -> ((JsonObject) item).mapTo(Message.class)).toList();
    }));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> send(ConversationRef to, Reply reply) {
    JsonObject body = new JsonObject().put("channel", to.channel()).put("reply", JsonObject.mapFrom(reply));
    return client.postAbs(baseUrl + "/send").sendJsonObject(body).compose(response -> {
      if (response.statusCode() / 100 == 2) {
        return Future.succeededFuture();
      }
      return Future.failedFuture(SendFailure.fromHttp(response.statusCode(), response.bodyAsString(),
          response.getHeader("Retry-After")));
    });
  }

  @Override
  public Future<Void> stop() {
    if (client != null) {
      client.close();
    }
    return Future.succeededFuture();
  }
}
