package dev.chatbot.nlu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP engine against a WireMock server answering as Rasa's {@code POST /model/parse} does. */
class RasaNluTest {

  private WireMockServer rasa;
  private Vertx vertx;
  private RasaNlu nlu;

  @BeforeEach
  void start() {
    rasa = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    rasa.start();
    vertx = Vertx.vertx();
    nlu = RasaNlu.create(vertx, "http://127.0.0.1:" + rasa.port() + "/");
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    rasa.stop();
  }

  @Test
  void readsIntentConfidenceAndEntities() throws Exception {
    rasa.stubFor(post("/model/parse").withRequestBody(equalToJson("{\"text\":\"book 2 seats in Berlin\"}"))
        .willReturn(okJson("""
            {"text":"book 2 seats in Berlin",
             "intent":{"name":"book","confidence":0.93},
             "entities":[{"entity":"seats","value":2,"start":5,"end":6,"confidence_entity":0.9},
                         {"entity":"city","value":"Berlin","start":16,"end":22}],
             "intent_ranking":[{"name":"book","confidence":0.93}]}""")));

    Understanding said = await(nlu.understand("book 2 seats in Berlin", NluContext.none("test")));

    assertThat(said.intent()).isEqualTo("book");
    assertThat(said.confidence()).isEqualTo(0.93);
    assertThat(said.entities()).containsExactly(new Entity("seats", new BigDecimal("2"), "2"),
        new Entity("city", "Berlin", "Berlin"));
    rasa.verify(1, postRequestedFor(urlEqualTo("/model/parse")));
  }

  @Test
  void aLoneNumberAnswersTheAskedNumberSlot() throws Exception {
    rasa.stubFor(post("/model/parse").willReturn(okJson("""
        {"text":"10","intent":{"name":null,"confidence":0.0},
         "entities":[{"entity":"number","value":10,"start":0,"end":2}]}""")));

    Understanding said = await(nlu.understand("10", new NluContext("quantity", "number", List.of(), "test")));

    assertThat(said.intent()).isNull();
    assertThat(said.entity("quantity")).map(Entity::value).contains(new BigDecimal("10"));
  }

  @Test
  void anErrorStatusFailsTheFutureWithTheStatus() {
    rasa.stubFor(post("/model/parse").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> await(nlu.understand("hi", NluContext.none("test"))))
        .hasMessageContaining("NLU server answered 503");
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }
}
