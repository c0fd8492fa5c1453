package dev.chatbot.admin;

import dev.chatbot.config.ChatbotConfig;
import dev.chatbot.delivery.Delivery;
import dev.chatbot.dialog.Handover;
import dev.chatbot.dialog.ReplyWindow;
import dev.chatbot.dispatch.ConversationDispatcher;
import dev.chatbot.docs.OpenApiDocument;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.HttpErrors;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.DeadLetter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code /api/v1}: proactive messages and their status, which adapters are on, dead letters,
 * erasure and resuming a conversation handed to a person. Mounted only when {@code ADMIN_API_TOKEN} is set; every
 * request under {@code /api/v1} needs that bearer token (checked before anything else, so a wrong method is a 401 to
 * a stranger and a 405 only to the operator) and is validated against {@code openapi.yaml} before it reaches a
 * handler.
 */
public final class AdminApi {

  public static final String PREFIX = "/api/v1";
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

  private final ChatbotConfig config;
  private final Map<String, PlatformAdapter> adapters;
  private final Delivery delivery;
  private final StateBackend backend;
  private final Erasure erasure;
  private final Inbound inbound;
  private final AdminMessages messages;

  private AdminApi(Vertx vertx, ChatbotConfig config, Map<String, PlatformAdapter> adapters, Delivery delivery,
      StateBackend backend, ConversationDispatcher dispatcher, Inbound inbound) {
    this.config = config;
    this.adapters = Map.copyOf(adapters);
    this.delivery = delivery;
    this.backend = backend;
    this.erasure = new Erasure(backend, inbound);
    this.inbound = inbound;
    this.messages = AdminMessages.register(dispatcher, inbound, backend.messageStatuses(vertx));
  }

  /**
   * Adds the {@code /api/v1} routes to {@code router} when the token is set. Proactive messages enter their
   * conversations through {@code inbound}, as a bot's own proactive messages do, and {@code dispatcher} hands their
   * turns to this API; {@code delivery} sends dead letters again.
   */
  public static Future<Void> mount(Vertx vertx, Router router, ChatbotConfig config, OpenApiDocument document,
      Map<String, PlatformAdapter> adapters, Delivery delivery, StateBackend backend,
      ConversationDispatcher dispatcher, Inbound inbound) {
    if (config.adminApiToken() == null) {
      LOG.info("admin_api=off enable_with=ADMIN_API_TOKEN");
      return Future.succeededFuture();
    }
    AdminApi api = new AdminApi(vertx, config, adapters, delivery, backend, dispatcher, inbound);
    return ContractValidation.create(vertx, document.only(PREFIX)).map(validation -> {
      router.route(PREFIX + "/*").handler(new BearerAuth(config.adminApiToken()));
      router.post(PREFIX + "/messages").handler(validation.handler("sendMessage", AdminApi::typedMessage))
          .handler(api::send);
      router.get(PREFIX + "/messages/:id").handler(validation.handler("getMessageStatus")).handler(api::status);
      router.get(PREFIX + "/adapters").handler(validation.handler("listAdapters")).handler(api::adapters);
      router.get(PREFIX + "/dead-letters").handler(validation.handler("listDeadLetters")).handler(api::deadLetters);
      router.post(PREFIX + "/dead-letters/:id/retry").handler(validation.handler("retryDeadLetter"))
          .handler(api::retryDeadLetter);
      router.delete(PREFIX + "/dead-letters/:id").handler(validation.handler("discardDeadLetter"))
          .handler(api::discardDeadLetter);
      router.delete(PREFIX + "/users/:platform/:userId").handler(validation.handler("eraseUser"))
          .handler(api::erase);
      router.post(PREFIX + "/conversations/:platform/:conversationId/resume")
          .handler(validation.handler("resumeConversation")).handler(api::resume);
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
      JsonObject message = body.getJsonObject("message");
      // {"text": "..."} alone is the simplest message there is: a text reply.
      reply = message.containsKey("type") ? message.mapTo(Reply.class) : Reply.text(message.getString("text"));
    } catch (IllegalArgumentException e) {
      HttpErrors.send(ctx, 400, "request does not match the API contract",
          List.of("message: " + firstLine(e.getMessage())));
      return;
    }
    ConversationRef to = new ConversationRef(platform, body.getString("recipient"), body.getString("thread"));
    windowRefusal(to, reply).compose(refusal -> {
      if (refusal != null) {
        HttpErrors.send(ctx, 422, "outside the reply window", List.of("message: " + refusal));
        return Future.succeededFuture();
      }
      queue(ctx, to, reply);
      return Future.succeededFuture();
    }).onFailure(failure -> HttpErrors.send(ctx, 503, "could not queue the message",
        List.of(firstLine(failure.getMessage()))));
  }

  /** Why the platform would refuse {@code reply} to {@code to} now (its reply window closed), or null. */
  private Future<String> windowRefusal(ConversationRef to, Reply reply) {
    java.time.Duration window = adapters.get(to.platform()).replyWindow();
    if (window == null) {
      return Future.succeededFuture(null);
    }
    return backend.stateStore().get("conversation:" + to.key()).map(state -> ReplyWindow.refusal(to.platform(),
        window, ReplyWindow.lastSeen(state), System.currentTimeMillis(), List.of(reply), false));
  }

  private void queue(RoutingContext ctx, ConversationRef to, Reply reply) {
    String platform = to.platform();
    // 202 once the message is kept (status and inbox): from then on a crash does not lose it.
    messages.queue(UUID.randomUUID().toString(), to, reply).onComplete(
        queued -> {
          LOG.info("admin message queued id={} platform={} reply={}", queued.id(), platform,
              reply.getClass().getSimpleName());
          ctx.response().setStatusCode(202)
              .putHeader("content-type", "application/json")
              .putHeader("location", PREFIX + "/messages/" + queued.id())
              .end(new JsonObject().put("id", queued.id()).put("status", queued.state().name()).encode());
        },
        failure -> HttpErrors.send(ctx, 503, "could not queue the message", List.of(firstLine(failure.getMessage()))));
  }

  /** {@code "message": {"text": "hi"}} is a text reply: the {@code type} the contract asks for is filled in. */
  private static Object typedMessage(Object body) {
    if (body instanceof JsonObject request && request.getValue("message") instanceof JsonObject message
        && !message.containsKey("type") && message.containsKey("text")) {
      JsonObject typed = request.copy();
      typed.put("message", new JsonObject().put("type", "text").mergeIn(message));
      return typed;
    }
    return body;
  }

  private void deadLetters(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    backend.deadLetters().list().forEach(letter -> list.add(letter.toJson()));
    ctx.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("deadLetters", list).encode());
  }

  private void retryDeadLetter(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    DeadLetter letter = backend.deadLetters().get(id).orElse(null);
    if (letter == null) {
      HttpErrors.send(ctx, 404, "unknown dead letter", List.of("id: " + id));
      return;
    }
    delivery.retry(letter).onComplete(
        kept -> {
          LOG.info("dead letter retried id={} platform={}", id, letter.to().platform());
          ctx.response().setStatusCode(202).end();
        },
        failure -> HttpErrors.send(ctx, 503, "could not queue the message", List.of(firstLine(failure.getMessage()))));
  }

  private void discardDeadLetter(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    backend.deadLetters().remove(id).onComplete(
        removed -> {
          if (removed) {
            LOG.info("dead letter discarded id={}", id);
            ctx.response().setStatusCode(204).end();
          } else {
            HttpErrors.send(ctx, 404, "unknown dead letter", List.of("id: " + id));
          }
        },
        failure -> HttpErrors.send(ctx, 503, "could not discard", List.of(firstLine(failure.getMessage()))));
  }

  private void erase(RoutingContext ctx) {
    String platform = ctx.pathParam("platform");
    erasure.erase(platform, ctx.pathParam("userId")).onComplete(
        erased -> {
          // Never the user id in the log: it is the personal data being erased.
          LOG.info("user erased platform={}", platform);
          ctx.response().setStatusCode(204).end();
        },
        failure -> HttpErrors.send(ctx, 503, "could not erase", List.of(firstLine(failure.getMessage()))));
  }

  /**
   * Ends a handover: the resume event goes through the conversation's own queue, behind its messages (in a cluster,
   * on the member that handles the conversation).
   */
  private void resume(RoutingContext ctx) {
    ConversationRef conversation = new ConversationRef(ctx.pathParam("platform"), ctx.pathParam("conversationId"),
        ctx.queryParams().get("thread"));
    backend.stateStore().get("conversation:" + conversation.key()).compose(state -> {
      if (state.isEmpty()) {
        return Future.succeededFuture(false);
      }
      Message resume = Handover.resumeEvent(conversation, state, System.currentTimeMillis());
      return resume == null ? Future.succeededFuture(true) : inbound.accept(List.of(resume)).map(true);
    }).onComplete(
        known -> {
          if (known) {
            LOG.info("conversation resumed platform={}", conversation.platform());
            ctx.response().setStatusCode(204).end();
          } else {
            HttpErrors.send(ctx, 404, "unknown conversation", List.of("conversation: no state for it"));
          }
        },
        failure -> HttpErrors.send(ctx, 503, "could not resume", List.of(firstLine(failure.getMessage()))));
  }

  private void status(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    messages.statuses().get(id).onComplete(
        found -> found.ifPresentOrElse(
            status -> ctx.response().putHeader("content-type", "application/json").end(status.toJson().encode()),
            () -> HttpErrors.send(ctx, 404, "unknown message id", List.of("id: " + id))),
        failure -> HttpErrors.send(ctx, 503, "could not read the status", List.of(firstLine(failure.getMessage()))));
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
