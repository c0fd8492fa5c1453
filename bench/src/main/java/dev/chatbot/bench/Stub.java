package dev.chatbot.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform APIs the systems under test reply to: Messenger/WhatsApp {@code POST .../messages} and Slack
 * {@code POST .../chat.postMessage} answer like the real ones and feed each reply to the {@link Correlator}; any
 * other path (Slack {@code auth.test}, ...) gets {@code 200 {"ok":true}} so adapters that call home at start work.
 */
final class Stub extends VerticleBase {

  private static final AtomicLong IDS = new AtomicLong();

  private final String host;
  private final int port;
  private final Correlator correlator;
  private HttpServer server;

  Stub(String host, int port, Correlator correlator) {
    this.host = host;
    this.port = port;
    this.correlator = correlator;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(this::handle);
    return server.listen();
  }

  private void handle(HttpServerRequest request) {
    if (request.path().endsWith("/stub/health")) {
      request.response().end("ok");
      return;
    }
    request.body().onSuccess(body -> answer(request, body));
  }

  private void answer(HttpServerRequest request, Buffer body) {
    long now = System.nanoTime();
    correlator.stubRequests.increment();
    String path = request.path();
    JsonObject json = parse(body);
    String answer;
    if (path.endsWith("/chat.postMessage")) {
      String channel = json.getString("channel");
      correlator.reply(channel, slackText(json), now);
      answer = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000." + IDS.incrementAndGet() + "\"}";
    } else if (path.endsWith("/me/messages")) {
      JsonObject recipient = json.getJsonObject("recipient", new JsonObject());
      JsonObject message = json.getJsonObject("message");
      if (message != null) {
        correlator.reply(recipient.getString("id"), messengerText(message), now);
      }
      answer = "{\"recipient_id\":\"" + recipient.getString("id") + "\",\"message_id\":\"m_stub"
          + IDS.incrementAndGet() + "\"}";
    } else if (path.endsWith("/messages")) {
      String to = json.getString("to");
      JsonObject text = json.getJsonObject("text");
      correlator.reply(to, text == null ? null : text.getString("body"), now);
      answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
          + "\"}],\"messages\":[{\"id\":\"wamid.stub" + IDS.incrementAndGet() + "\"}]}";
    } else {
      answer = "{\"ok\":true,\"user_id\":\"UBENCHBOT\",\"bot_id\":\"BBENCHBOT\",\"team_id\":\"TBENCH\"}";
    }
    request.response().putHeader("content-type", "application/json").end(answer);
  }

  private static JsonObject parse(Buffer body) {
    try {
      return body.length() == 0 ? new JsonObject() : body.toJsonObject();
    } catch (RuntimeException e) {
      return new JsonObject(); // form-encoded or garbage: still answer 200, it is not a reply we correlate
    }
  }

  private static String messengerText(JsonObject message) {
    String text = message.getString("text");
    if (text != null) {
      return text;
    }
    // Cards / quick replies (shoe bot): any string in the message will do, the recipient identifies it.
    return message.encode();
  }

  private static String slackText(JsonObject json) {
    String text = json.getString("text");
    JsonArray blocks = json.getJsonArray("blocks");
    return text != null ? text : blocks == null ? null : blocks.encode();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
