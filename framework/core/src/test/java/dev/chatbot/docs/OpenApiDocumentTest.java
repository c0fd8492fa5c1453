package dev.chatbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
}
