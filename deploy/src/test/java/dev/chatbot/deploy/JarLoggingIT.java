package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fat jar's logs as an operator's collector reads them: JSON lines, no phone number in clear, bad values refused. */
class JarLoggingIT {

  private static final String PHONE = "15551234567";

  @Test
  void jsonLinesParseAndAFailedSendToAPhoneNumberNamesItOnlyHashed() throws Exception {
    try (GraphApiStub graph = GraphApiStub.start()) {
      graph.failWhatsApp(400, 131030, "Recipient phone number " + PHONE + " not in allowed list");
      int port = TestServer.freePort();
      Map<String, String> env = new HashMap<>(graph.whatsappEnv());
      env.putAll(Map.of("HTTP_PORT", String.valueOf(port), "BOT", "echo", "STATE_STORE", "memory",
          "LOG_FORMAT", "json"));
      try (JarProcess jar = JarProcess.start(env)) {
        String base = "http://127.0.0.1:" + port;
        jar.awaitReady(base + "/health/ready");
        MetaWebhooks webhooks = new MetaWebhooks(base + "/webhooks/whatsapp", GraphApiStub.WHATSAPP_APP_SECRET);
        assertThat(webhooks.post(MetaWebhooks.whatsappText(PHONE, "hello")).statusCode()).isEqualTo(200);
        graph.awaitWhatsAppRequests(1);
        Http.getUntil(base + "/metrics", answer -> answer.body()
            .contains("chatbot_send_failures_total{platform=\"whatsapp\",reason=\"permanent\"} 1.0"),
            java.time.Duration.ofSeconds(15));
        assertThat(jar.terminate()).isZero();

        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : jar.output().lines().toList()) {
          lines.add(json.readTree(line)); // every line is one JSON object
        }
        assertThat(lines).extracting(line -> line.path("level").asText()).contains("INFO", "WARN");
        JsonNode failed = lines.stream()
            .filter(line -> line.path("formattedMessage").asText().startsWith("send failed")).findFirst().orElseThrow();
        assertThat(failed.path("formattedMessage").asText()).contains("platform=whatsapp", "conversation=#");
        assertThat(failed.at("/mdc/request_id").asText()).matches("[0-9a-f]{16}");
        assertThat(jar.output()).doesNotContain(PHONE);
      }
    }
  }

  @Test
  void anUnknownLogFormatStopsTheJarWithOneLine() throws Exception {
    try (JarProcess jar = JarProcess.start(Map.of("BOT", "echo", "STATE_STORE", "memory",
        "HTTP_PORT", String.valueOf(TestServer.freePort()), "LOG_FORMAT", "xml"))) {
      assertThat(jar.awaitExit()).isEqualTo(2);
      assertThat(jar.output().strip()).isEqualTo("error: LOG_FORMAT must be 'text' or 'json', got 'xml'");
    }
  }
}
