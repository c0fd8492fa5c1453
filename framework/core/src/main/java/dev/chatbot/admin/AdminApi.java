package dev.chatbot.admin;

import dev.chatbot.config.ChatbotConfig;
import dev.chatbot.docs.OpenApiDocument;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.server.HttpErrors;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code /api/v1}: proactive messages and which adapters are on. Mounted only when
 * {@code ADMIN_API_TOKEN} is set; every request needs that bearer token and is validated against
 * {@code openapi.yaml} before it reaches a handler.
 */
public final class AdminApi {

  public static final String PREFIX = "/api/v1";
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

  private final ChatbotConfig config;
  private final Map<String, PlatformAdapter> adapters;
  private final BiFunction<ConversationRef, Reply, Future<Void>> delivery;
  private final MessageStatusStore statuses = new MessageStatusStore();

  private AdminApi(ChatbotConfig config, Map<String, PlatformAdapter> adapters,
      BiFunction<ConversationRef, Reply, Future<Void>> delivery) {
    this.config = config;
    this.adapters = Map.copyOf(adapters);
    this.delivery = delivery;
  }

  /**
   * Adds the {@code /api/v1} routes to {@code router} when the token is set. {@code delivery} is the core's reply
   * delivery (fitting, retries), so proactive messages behave exactly like the bot's replies.
   */
  public static Future<Void> mount(Vertx vertx, Router router, ChatbotConfig config, OpenApiDocument document,
      Map<String, PlatformAdapter> adapters, BiFunction<ConversationRef, Reply, Future<Void>> delivery) {
    if (config.adminApiToken() == null) {
      LOG.info("admin_api=off enable_with=ADMIN_API_TOKEN");
      return Future.succeededFuture();
    }
    AdminApi api = new AdminApi(config, adapters, delivery);
    return ContractValidation.create(vertx, document.only(PREFIX)).map(validation -> {
      BearerAuth auth = new BearerAuth(config.adminApiToken());
      router.post(PREFIX + "/messages").handler(auth).handler(validation.handler("sendMessage")).handler(api::send);
      router.get(PREFIX + "/messages/:id").handler(auth).handler(validation.handler("getMessageStatus"))
          .handler(api::status);
      router.get(PREFIX + "/adapters").handler(auth).handler(validation.handler("listAdapters"))
          .handler(api::adapters);
      LOG.info("admin_api=on path={}", PREFIX);
      return null;
    });
  }

  private void send(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String platform = body.getString("platform");
    if (!adapters.containsKey(platform)) {
      HttpErrors.send(ctx, 400, "unknown platform", List.of("platform: '" + platform
          + "' is not an enabled platform (enabled: " + String.join(", ", adapters.keySet().stream().sorted().toList())
          + ")"));
      return;
    }
    Reply reply;
    try {
      reply = body.getJsonObject("message").mapTo(Reply.class);
    } catch (IllegalArgumentException e) {
      HttpErrors.send(ctx, 400, "request does not match the API contract",
          List.of("message: " + firstLine(e.getMessage())));
      return;
    }
    ConversationRef to = new ConversationRef(platform, body.getString("recipient"), body.getString("thread"));
    MessageStatus queued = MessageStatus.queued(UUID.randomUUID().toString(), platform, to.channel());
    statuses.put(queued);
    LOG.info("admin message queued id={} platform={} reply={}", queued.id(), platform, reply.getClass().getSimpleName());
    ctx.response().setStatusCode(202)
        .putHeader("content-type", "application/json")
        .putHeader("location", PREFIX + "/messages/" + queued.id())
        .end(new JsonObject().put("id", queued.id()).put("status", MessageStatus.State.queued.name()).encode());
    deliver(queued, to, reply);
  }

  private void deliver(MessageStatus queued, ConversationRef to, Reply reply) {
    Future<Void> sent;
    try {
      sent = delivery.apply(to, reply);
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    sent.onComplete(
        done -> {
          statuses.put(queued.sent());
          LOG.info("admin message sent id={} platform={}", queued.id(), queued.platform());
        },
        failure -> {
          String error = failure instanceof SendFailure sendFailure && sendFailure.platformError() != null
              ? sendFailure.platformError() : String.valueOf(failure.getMessage());
          statuses.put(queued.failed(error));
          LOG.warn("admin message failed id={} platform={} error=\"{}\"", queued.id(), queued.platform(), error);
        });
  }

  private void status(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    statuses.get(id).ifPresentOrElse(
        status -> ctx.response().putHeader("content-type", "application/json").end(status.toJson().encode()),
        () -> HttpErrors.send(ctx, 404, "unknown message id", List.of("id: " + id)));
  }

  private void adapters(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    adapters.values().stream()
        .sorted(java.util.Comparator.comparing(PlatformAdapter::platform))
        .forEach(adapter -> list.add(new JsonObject()
            .put("platform", adapter.platform())
            .put("webhookPath", adapter.webhookPath())
            .put("webhookUrl", config.publicBaseUrl() + adapter.webhookPath())));
    ctx.response().putHeader("content-type", "application/json").end(new JsonObject().put("adapters", list).encode());
  }

  private static String firstLine(String text) {
    String message = String.valueOf(text);
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
