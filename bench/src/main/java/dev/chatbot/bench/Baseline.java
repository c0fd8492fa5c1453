package dev.chatbot.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code baseline}: the bare Vert.x server the product is measured against. It does the essential work of a chatbot
 * webhook and nothing else: verify the signature, parse the JSON, acknowledge with 200, and send the echo reply
 * through a WebClient. No dedupe, ordering, state, retries or metrics: that is the framework's cost to measure.
 * One verticle per event loop, like the product's HTTP server.
 */
final class Baseline extends VerticleBase {

  private final Hmac messenger = new Hmac(Secrets.MESSENGER_APP_SECRET);
  private final Hmac slack = new Hmac(Secrets.SLACK_SIGNING_SECRET);
  private final int port;
  private final String stubBase;
  private HttpServer server;
  private WebClient client;

  Baseline(int port, String stubBase) {
    this.port = port;
    this.stubBase = stubBase;
  }

  static int run(Args args) throws InterruptedException {
    int port = args.getInt("port", "BENCH_TARGET_PORT", 18080);
    String stubBase = args.get("stub-base", null,
        "http://127.0.0.1:" + args.getInt("stub-port", "BENCH_STUB_PORT", 18090));
    Vertx vertx = Vertx.vertx();
    int instances = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
    vertx.deployVerticle(() -> new Baseline(port, stubBase), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("[baseline] listening port=" + port + " instances=" + instances))
        .onFailure(failure -> {
          System.err.println("[baseline] failed: " + failure.getMessage());
          System.exit(1);
        });
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // exiting anyway
      }
      stop.countDown();
    }));
    stop.await();
    return 0;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(32));
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(this::handle);
    return server.listen();
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if (path.equals("/health/ready") || path.equals("/health/live")) {
      request.response().end("{\"status\":\"UP\"}");
    } else if (path.equals("/webhooks/messenger")) {
      request.body().onSuccess(body -> messenger(request, body));
    } else if (path.equals("/webhooks/slack/events")) {
      request.body().onSuccess(body -> slack(request, body));
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  private void messenger(HttpServerRequest request, Buffer body) {
    String header = request.getHeader("X-Hub-Signature-256");
    if (header == null || !header.startsWith("sha256=")
        || !Hmac.constantTimeEquals(messenger.hex(body.getBytes()), header.substring(7))) {
      request.response().setStatusCode(401).end();
      return;
    }
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException e) {
      request.response().setStatusCode(400).end();
      return;
    }
    request.response().putHeader("content-type", "text/plain").end("EVENT_RECEIVED");
    for (Object entry : json.getJsonArray("entry", new JsonArray())) {
      for (Object item : ((JsonObject) entry).getJsonArray("messaging", new JsonArray())) {
        JsonObject event = (JsonObject) item;
        JsonObject message = event.getJsonObject("message");
        if (message == null || message.getBoolean("is_echo", false) || message.getString("text") == null) {
          continue;
        }
        JsonObject reply = new JsonObject()
            .put("recipient", new JsonObject().put("id", event.getJsonObject("sender").getString("id")))
            .put("messaging_type", "RESPONSE")
            .put("message", new JsonObject().put("text", message.getString("text")));
        // Page token as a bearer header, like the product's Graph client (SPEC §5 allows it or access_token).
        client.postAbs(stubBase + "/graph/me/messages")
            .bearerTokenAuthentication(Secrets.MESSENGER_PAGE_ACCESS_TOKEN)
            .sendJsonObject(reply);
      }
    }
  }

  private void slack(HttpServerRequest request, Buffer body) {
    String ts = request.getHeader("X-Slack-Request-Timestamp");
    String signature = request.getHeader("X-Slack-Signature");
    long now = System.currentTimeMillis() / 1000;
    if (ts == null || signature == null || !signature.startsWith("v0=") || !fresh(ts, now)
        || !Hmac.constantTimeEquals(
            slack.hex(("v0:" + ts + ":").getBytes(StandardCharsets.US_ASCII), body.getBytes()), signature.substring(3))) {
      request.response().setStatusCode(401).end();
      return;
    }
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException e) {
      request.response().setStatusCode(400).end();
      return;
    }
    if ("url_verification".equals(json.getString("type"))) {
      request.response().putHeader("content-type", "text/plain").end(json.getString("challenge", ""));
      return;
    }
    request.response().end();
    JsonObject event = json.getJsonObject("event");
    if (event == null || !"message".equals(event.getString("type")) || event.containsKey("bot_id")
        || event.containsKey("subtype") || event.getString("text") == null) {
      return;
    }
    client.postAbs(stubBase + "/slack/api/chat.postMessage")
        .bearerTokenAuthentication(Secrets.SLACK_BOT_TOKEN)
        .sendJsonObject(new JsonObject().put("channel", event.getString("channel")).put("text", event.getString("text")));
  }

  private static boolean fresh(String ts, long now) {
    try {
      return Math.abs(now - Long.parseLong(ts)) <= 300;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
