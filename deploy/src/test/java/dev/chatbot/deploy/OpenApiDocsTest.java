package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /openapi.yaml} and {@code /docs} of SPEC §3: every endpoint described, valid OpenAPI 3.1, rendered. */
class OpenApiDocsTest {

  /** SPEC §3, path by path, with its methods. */
  static final Map<String, List<String>> SPEC_ENDPOINTS = new LinkedHashMap<>();

  static {
    SPEC_ENDPOINTS.put("/webhooks/messenger", List.of("get", "post"));
    SPEC_ENDPOINTS.put("/webhooks/whatsapp", List.of("get", "post"));
    SPEC_ENDPOINTS.put("/webhooks/slack/events", List.of("post"));
    SPEC_ENDPOINTS.put("/webhooks/slack/interactions", List.of("post"));
    SPEC_ENDPOINTS.put("/webhooks/slack/commands", List.of("post"));
    SPEC_ENDPOINTS.put("/webhooks/telegram", List.of("post"));
    SPEC_ENDPOINTS.put("/chat", List.of("get"));
    SPEC_ENDPOINTS.put("/chat/ws", List.of("get"));
    SPEC_ENDPOINTS.put("/health/live", List.of("get"));
    SPEC_ENDPOINTS.put("/health/ready", List.of("get"));
    SPEC_ENDPOINTS.put("/metrics", List.of("get"));
    SPEC_ENDPOINTS.put("/openapi.yaml", List.of("get"));
    SPEC_ENDPOINTS.put("/docs", List.of("get"));
    SPEC_ENDPOINTS.put("/api/v1/messages", List.of("post"));
    SPEC_ENDPOINTS.put("/api/v1/messages/{id}", List.of("get"));
    SPEC_ENDPOINTS.put("/api/v1/adapters", List.of("get"));
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static TestServer server;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Map.of("BOT", "echo"));
    HttpResponse<String> response = Http.get(server.url("/openapi.yaml"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
    document = YAML.readTree(response.body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void describesEveryEndpointOfTheSpecWithItsResponses() {
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    JsonNode paths = document.path("paths");
    SPEC_ENDPOINTS.forEach((path, methods) -> {
      assertThat(paths.has(path)).as("path %s", path).isTrue();
      for (String method : methods) {
        JsonNode operation = paths.path(path).path(method);
        assertThat(operation.isObject()).as("%s %s", method, path).isTrue();
        assertThat(operation.path("operationId").asText()).as("operationId of %s %s", method, path).isNotBlank();
        assertThat(operation.path("responses").size()).as("responses of %s %s", method, path).isPositive();
      }
    });
    for (String admin : List.of("/api/v1/messages", "/api/v1/messages/{id}", "/api/v1/adapters")) {
      paths.path(admin).forEach(operation -> {
        assertThat(operation.path("security").toString()).contains("adminToken");
        assertThat(operation.path("responses").has("401")).isTrue();
      });
    }
    JsonNode error = document.at("/components/schemas/Error");
    assertThat(error.path("required").toString()).contains("\"error\"", "\"details\"");
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
    }
  }

  @Test
  void isAValidOpenApi31Document() {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject json = new JsonObject(document.toString());
      OutputUnit result = OpenAPIVersion.V3_1.getRepository(vertx, "app:///")
          .compose(repository -> OpenAPIVersion.V3_1.validateContract(vertx, repository, json))
          .await(20, TimeUnit.SECONDS);
      assertThat(result.getValid()).as("%s", result.toJson().encodePrettily()).isTrue();
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      vertx.close().await();
    }
  }

  /** The reply schemas list exactly the fields Jackson writes for {@link Reply}, and require what it always writes. */
  @Test
  void theReplySchemasMatchTheJsonOfTheModel() {
    Map<String, Reply> samples = new LinkedHashMap<>();
    samples.put("TextReply", Reply.text("hi"));
    samples.put("QuickRepliesReply", Reply.quickReplies("Colour?", "Brown", "Black"));
    samples.put("CardsReply", Reply.cards(List.of(Card.of("Oxford", "$129", "https://x.test/1.jpg",
        Button.postback("Buy", "buy:1"), Button.link("More", "https://x.test/1")))).withQuickReplies(QuickReply.of("More")));
    samples.put("ImageReply", new Reply.Image("https://x.test/1.jpg", "Oxford"));
    samples.put("TypingReply", Reply.typing());

    JsonNode mapping = document.at("/components/schemas/Reply/discriminator/mapping");
    assertThat(document.at("/components/schemas/Reply/discriminator/propertyName").asText()).isEqualTo("type");
    samples.forEach((schemaName, reply) -> {
      JsonObject json = JsonObject.mapFrom(reply);
      assertThat(mapping.path(json.getString("type")).asText()).isEqualTo("#/components/schemas/" + schemaName);
      assertFieldsMatch(schemaName, json);
    });
    JsonObject cards = JsonObject.mapFrom(samples.get("CardsReply"));
    JsonObject card = cards.getJsonArray("cards").getJsonObject(0);
    assertFieldsMatch("Card", card);
    card.getJsonArray("buttons").forEach(button -> assertFieldsMatch("Button", (JsonObject) button));
    assertFieldsMatch("QuickReply", cards.getJsonArray("quickReplies").getJsonObject(0));
  }

  @Test
  void docsPageIsServedWithSwaggerUiFromTheServerItself() {
    HttpResponse<String> page = Http.get(server.url("/docs"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.body()).contains("/docs/ui/swagger-ui-bundle.js", "/docs/ui/swagger-ui.css", "/docs/swagger-initializer.js")
        .doesNotContain("://");
    assertThat(Http.get(server.url("/docs/swagger-initializer.js")).body()).contains("url: \"/openapi.yaml\"");
    HttpResponse<String> bundle = Http.get(server.url("/docs/ui/swagger-ui-bundle.js"));
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
    assertThat(Http.get(server.url("/docs/ui/swagger-ui.css")).statusCode()).isEqualTo(200);
  }

  @Test
  void aBrowserShowsEveryOperationOnTheDocsPage() {
    int operations = SPEC_ENDPOINTS.values().stream().mapToInt(List::size).sum();
    WebDriver browser = Browser.open();
    try {
      browser.get(server.url("/docs"));
      List<WebElement> blocks = new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
        List<WebElement> found = driver.findElements(By.cssSelector(".opblock"));
        return found.size() >= operations ? found : null;
      });
      Browser.screenshot(browser, "docs");
      Set<String> shown = new HashSet<>();
      for (WebElement block : blocks) {
        shown.add(block.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path"));
      }
      assertThat(shown).containsAll(SPEC_ENDPOINTS.keySet());
      assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("Chatbot framework");
      assertThat(browser.findElements(By.cssSelector(".errors-wrapper"))).isEmpty();
    } finally {
      browser.quit();
    }
  }

  private static void assertFieldsMatch(String schemaName, JsonObject json) {
    JsonNode schema = document.at("/components/schemas/" + schemaName);
    Set<String> declared = new HashSet<>();
    schema.path("properties").fieldNames().forEachRemaining(declared::add);
    assertThat(declared).as("fields of %s in openapi.yaml", schemaName).containsAll(json.fieldNames());
    assertThat(schema.path("additionalProperties").asBoolean(true)).as("%s is closed", schemaName).isFalse();
    schema.path("required").forEach(required ->
        assertThat(json.containsKey(required.asText())).as("%s.%s in %s", schemaName, required.asText(), json).isTrue());
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("$ref")) {
          refs.add(field.getValue().asText());
        } else {
          collectRefs(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
