package dev.chatbot.testkit.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The stub's reset, which the kill-and-restart tests rely on to tell one process's sends from the next one's. */
class GraphApiStubTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aRequestStillBeingAnsweredWhenResetIsNotTakenForALaterOne() throws Exception {
    try (GraphApiStub graph = GraphApiStub.start()) {
      // A slow failure: the request arrives, reset runs while it is answered, and WireMock reports it afterwards.
      graph.wireMock().stubFor(post(urlPathEqualTo(GraphApiStub.VERSION_PATH + "/me/messages")).atPriority(1)
          .willReturn(GraphApiStub.graphError(500, 2, "slow").withFixedDelay(600)));
      CompletableFuture<HttpResponse<String>> before = send(graph, "before the reset");
      Thread.sleep(150);
      graph.reset();
      assertThat(before.get().statusCode()).isEqualTo(500);

      assertThat(send(graph, "after the reset").get().statusCode()).as("the override is gone").isEqualTo(200);
      assertThat(graph.awaitMessengerSend().getJsonObject("message").getString("text")).isEqualTo("after the reset");
      assertThat(graph.drain()).isEmpty();
    }
  }

  private static CompletableFuture<HttpResponse<String>> send(GraphApiStub graph, String text) {
    JsonObject body = new JsonObject().put("recipient", new JsonObject().put("id", "ivan"))
        .put("message", new JsonObject().put("text", text));
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(graph.baseUrl() + "/me/messages"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
