package dev.chatbot.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.stub.BareAdapter;
import dev.chatbot.stub.StubPlatformAdapter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class OpenApiDocumentTest {

  @Test
  void loadsTheDescriptionFromTheClassPath() {
    OpenApiDocument document = OpenApiDocument.load();
    JsonObject json = document.json();
    assertThat(json.getString("openapi")).isEqualTo("3.1.0");
    assertThat(document.yaml().toString()).startsWith("openapi: 3.1.0");
    // YAML integer keys (response codes) become JSON strings
    assertThat(json.getJsonObject("paths").getJsonObject("/api/v1/messages").getJsonObject("post")
        .getJsonObject("responses").containsKey("202")).isTrue();
  }

  @Test
  void theAdminPartIsAContractVertxOpenApiAccepts() throws Exception {
    JsonObject admin = OpenApiDocument.load().only("/api/v1");
    assertThat(admin.getJsonObject("paths").fieldNames())
        .containsExactlyInAnyOrder("/api/v1/messages", "/api/v1/messages/{id}", "/api/v1/adapters",
            "/api/v1/dead-letters", "/api/v1/dead-letters/{id}/retry", "/api/v1/dead-letters/{id}",
            "/api/v1/users/{platform}/{userId}", "/api/v1/conversations/{platform}/{conversationId}/resume");
    Vertx vertx = Vertx.vertx();
    try {
      OpenAPIContract contract = OpenAPIContract.from(vertx, admin).await(20, TimeUnit.SECONDS);
      assertThat(contract.operations()).extracting(Operation::getOperationId)
          .containsExactlyInAnyOrder("sendMessage", "getMessageStatus", "listAdapters", "listDeadLetters",
              "retryDeadLetter", "discardDeadLetter", "eraseUser", "resumeConversation");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void theAdaptersFragmentsAreMergedIntoTheServedYaml() {
    OpenApiDocument document = OpenApiDocument.load(List.of(new StubPlatformAdapter()));

    JsonObject json = document.json();
    assertThat(json.getJsonObject("paths").fieldNames()).contains("/webhooks/stub", "/health/live", "/api/v1/messages");
    assertThat(json.getJsonObject("components").getJsonObject("schemas").fieldNames()).contains("StubMessages", "Error");
    assertThat(json.getJsonObject("paths").getJsonObject("/webhooks/stub").getJsonObject("post")
        .getString("operationId")).isEqualTo("receiveStubMessages");
    // The YAML served says the same as the JSON the admin API validates with.
    Object served = new Yaml(new SafeConstructor(new LoaderOptions())).load(document.yaml().toString());
    assertThat(new JsonObject(JsonObject.mapFrom(served).encode())).isEqualTo(json);
  }

  @Test
  void aFragmentListedByTwoAdaptersIsMergedOnce() {
    List<String> shared = List.of("openapi/stub.yaml");
    OpenApiDocument document = OpenApiDocument.load(List.of(new BareAdapter("one", List.of(), shared),
        new BareAdapter("two", List.of(), shared)));

    assertThat(document.json().getJsonObject("paths").fieldNames()).contains("/webhooks/stub");
  }

  @Test
  void aPathDescribedTwiceIsRefusedNamingTheAdapter() {
    OpenApiDocument document = OpenApiDocument.load(
        List.of(new BareAdapter("clash", List.of(), List.of("openapi/clash-path.yaml"))));

    assertThatThrownBy(document::json).isInstanceOf(IllegalStateException.class)
        .hasMessage("adapter=clash: the path /health/live is already described");
  }

  @Test
  void aComponentDescribedOtherwiseIsRefused() {
    OpenApiDocument document = OpenApiDocument.load(
        List.of(new BareAdapter("clash", List.of(), List.of("openapi/clash-component.yaml"))));

    assertThatThrownBy(document::yaml).hasMessage(
        "adapter=clash: the component responses/BadRequest is already described otherwise");
  }

  @Test
  void aFragmentHoldsPathsComponentsAndTagsOnly() {
    OpenApiDocument document = OpenApiDocument.load(
        List.of(new BareAdapter("info", List.of(), List.of("openapi/with-info.yaml"))));

    assertThatThrownBy(document::json).hasMessageStartingWith("adapter=info: ").hasMessageEndingWith("not info");
  }

  @Test
  void aMissingFragmentFailsAtStartNamingTheAdapterAndTheResource() {
    assertThatThrownBy(() -> OpenApiDocument.load(List.of(new BareAdapter("lost", List.of(), List.of("openapi/lost.yaml")))))
        .hasMessage("adapter=lost: its OpenAPI description openapi/lost.yaml is missing from the class path");
  }
}
