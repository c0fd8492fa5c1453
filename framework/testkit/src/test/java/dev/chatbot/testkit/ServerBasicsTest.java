package dev.chatbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP edges every user hits first: health, 404, 413, malformed JSON, adapter discovery. */
class ServerBasicsTest {

  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "recording", "DISCOVERED_TOKEN", "t", "DISCOVERED_SECRET", "s"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void liveAndReadyAreUp() throws Exception {
    HttpResponse<String> live = get("/health/live");
    HttpResponse<String> ready = get("/health/ready");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(live.body()).getString("outcome")).isEqualTo("UP");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"adapter-test\"", "\"state-store\"", "\"accepting\"");
  }

  @Test
  void unknownPathIsJson404() throws Exception {
    HttpResponse<String> response = get("/no/such/thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("not found");
  }

  @Test
  void bodyOverOneMebibyteIs413() throws Exception {
    HttpResponse<String> response = post("/webhooks/test", "x".repeat(1024 * 1024 + 1));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(response.body()).getString("error")).contains("too large");
  }

  @Test
  void malformedJsonIs400WithDetails() throws Exception {
    HttpResponse<String> response = post("/webhooks/test", "{\"id\": oops");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = new JsonObject(response.body());
    assertThat(error.getString("error")).isEqualTo("malformed JSON");
    assertThat(error.getJsonArray("details")).isNotEmpty();
  }

  @Test
  void serverKeepsServingAfterBadInput() throws Exception {
    post("/webhooks/test", "{broken");
    server.chat("after-bad-input").send("still there?").expectText(Text.equalTo("1:still there?"));
  }

  @Test
  void adapterDefinedOnlyInTestsIsDiscoveredThroughServiceLoader() throws Exception {
    assertThat(server.server().adapters()).containsKey("discovered");
    HttpResponse<String> response = get("/webhooks/discovered");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("discovered");
  }

  @Test
  void metricsAreServedInPrometheusFormat() throws Exception {
    server.chat("metrics").send("count me").expectText(Text.contains("count me"));
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("chatbot_messages_received_total{platform=\"test\"}");
  }
}
