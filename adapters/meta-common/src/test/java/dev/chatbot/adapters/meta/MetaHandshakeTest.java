package dev.chatbot.adapters.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handshake on its own router; the adapters' tests check it again through the real server. */
class MetaHandshakeTest {

  private static Vertx vertx;
  private static MetaWebhooks webhooks;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/hook").handler(new MetaHandshake("test", "the-token"));
    int port = TestServer.freePort();
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    webhooks = new MetaWebhooks("http://127.0.0.1:" + port + "/hook", "unused");
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void echoesTheChallengeExactlyAsPlainText() {
    HttpResponse<String> response = webhooks.verify("subscribe", "the-token", "1158201444 & <b>");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1158201444 & <b>");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
  }

  @Test
  void refusesAWrongTokenOrMode() {
    assertThat(webhooks.verify("subscribe", "the-token-not", "1").statusCode()).isEqualTo(403);
    assertThat(webhooks.verify("unsubscribe", "the-token", "1").statusCode()).isEqualTo(403);
  }

  @Test
  void missingParametersAreABadRequestNamingThem() {
    HttpResponse<String> response = webhooks.verify("subscribe", null, null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("hub.verify_token is missing", "hub.challenge is missing");
    assertThat(webhooks.verify(null, "the-token", "1").statusCode()).isEqualTo(400);
    assertThat(webhooks.verify("subscribe", "the-token", "").statusCode()).isEqualTo(400);
  }
}
