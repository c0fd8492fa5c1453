package dev.chatbot.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.spi.SendFailure;
import dev.chatbot.testkit.meta.GraphApiStub;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphClientTest {

  private static Vertx vertx;
  private static WireMockServer graph;
  private static GraphClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    graph = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    graph.start();
    client = new GraphClient(WebClient.create(vertx), "messenger", "secret-token");
  }

  @AfterAll
  static void stop() {
    graph.stop();
    vertx.close();
  }

  @BeforeEach
  void reset() {
    graph.resetAll();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(Future<?> future) {
    try {
      await(future);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void postsJsonWithTheTokenAsBearer() throws Exception {
    graph.stubFor(post(urlPathEqualTo("/v23.0/me/messages"))
        .willReturn(aResponse().withStatus(200).withBody("{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}")));
    await(client.post(graph.baseUrl() + "/v23.0/me/messages", new JsonObject().put("a", 1)));
    graph.verify(postRequestedFor(urlPathEqualTo("/v23.0/me/messages"))
        .withHeader("Authorization", equalTo("Bearer secret-token"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"a\":1}")));
  }

  @Test
  void aSuccessAnswerThatOnlyMentionsAnErrorSucceeds() throws Exception {
    graph.stubFor(post(urlPathEqualTo("/x"))
        .willReturn(aResponse().withStatus(200).withBody("{\"message_id\":\"m_1\",\"note\":{\"error\":\"none\"}}")));
    await(client.post(graph.baseUrl() + "/x", new JsonObject()));
  }

  @Test
  void graphErrorFailsWithSendFailure() {
    graph.stubFor(post(urlPathEqualTo("/x")).willReturn(GraphApiStub.graphError(400, 100, "(#100) Invalid parameter")));
    Throwable failure = failureOf(client.post(graph.baseUrl() + "/x", new JsonObject()));
    assertThat(failure).isInstanceOf(SendFailure.class);
    SendFailure sendFailure = (SendFailure) failure;
    assertThat(sendFailure.status()).isEqualTo(400);
    assertThat(sendFailure.retryable()).isFalse();
    assertThat(sendFailure.platformError()).startsWith("(#100) Invalid parameter (code=100");
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    graph.stubFor(post(urlPathEqualTo("/x"))
        .willReturn(GraphApiStub.graphError(429, 130429, "Rate limit hit").withHeader("Retry-After", "3")));
    SendFailure failure = (SendFailure) failureOf(client.post(graph.baseUrl() + "/x", new JsonObject()));
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void errorInsideA200IsStillAFailure() {
    graph.stubFor(post(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(200)
        .withBody("{\"error\":{\"message\":\"odd\",\"code\":1}}")));
    assertThat(failureOf(client.post(graph.baseUrl() + "/x", new JsonObject()))).isInstanceOf(SendFailure.class);
  }

  @Test
  void postAllSendsInOrderAndStopsAtTheFirstError() {
    graph.stubFor(post(urlPathEqualTo("/x")).withRequestBody(equalToJson("{\"n\":2}"))
        .willReturn(GraphApiStub.graphError(400, 100, "bad")));
    graph.stubFor(post(urlPathEqualTo("/x")).withRequestBody(equalToJson("{\"n\":1}"))
        .willReturn(aResponse().withStatus(200).withBody("{}")));
    Future<Void> all = client.postAll(graph.baseUrl() + "/x",
        List.of(new JsonObject().put("n", 1), new JsonObject().put("n", 2), new JsonObject().put("n", 3)));
    assertThat(failureOf(all)).isInstanceOf(SendFailure.class);
    assertThat(graph.findAll(postRequestedFor(urlPathEqualTo("/x"))))
        .extracting(request -> new JsonObject(request.getBodyAsString()).getInteger("n"))
        .containsExactly(1, 2);
  }
}
