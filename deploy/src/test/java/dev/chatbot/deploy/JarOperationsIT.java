package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's surface from the shaded jar itself: the description, Swagger UI, the admin API, the example config. */
class JarOperationsIT {

  @Test
  void theFatJarServesTheDescriptionTheDocsAndTheAdminApi() throws Exception {
    int port = TestServer.freePort();
    try (JarProcess jar = JarProcess.start(Map.of("HTTP_PORT", String.valueOf(port), "BOT", "echo",
        "ADMIN_API_TOKEN", "jar-admin-token"), "--config", "config.example.yaml")) {
      String base = "http://127.0.0.1:" + port;
      jar.awaitReady(base + "/health/ready");

      HttpResponse<String> yaml = Http.get(base + "/openapi.yaml");
      assertThat(yaml.statusCode()).isEqualTo(200);
      assertThat(yaml.body()).startsWith("openapi: 3.1.0");
      assertThat(Http.get(base + "/docs").body()).contains("swagger-ui-bundle.js");
      assertThat(Http.get(base + "/docs/ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);

      HttpResponse<String> adapters = Http.get(base + "/api/v1/adapters", "authorization", "Bearer jar-admin-token");
      assertThat(adapters.statusCode()).isEqualTo(200);
      assertThat(adapters.body()).contains("\"platform\":\"webchat\"");
      assertThat(Http.get(base + "/metrics").body()).contains("chatbot_messages_sent_total{platform=\"webchat\"} 0.0");
      assertThat(jar.output()).contains("admin_api=on");
      assertThat(jar.terminate()).isZero();
    }
  }

  @Test
  void aMissingCertificateStopsTheJarWithOneLine() throws Exception {
    try (JarProcess jar = JarProcess.start(Map.of("BOT", "echo", "HTTP_PORT", String.valueOf(TestServer.freePort()),
        "TLS_CERT_PATH", "/nonexistent/tls.crt", "TLS_KEY_PATH", "/nonexistent/tls.key"))) {
      assertThat(jar.awaitExit()).isNotZero();
      // Startup lines may come first (the data store opens before the server checks its certificate); the error is
      // one line, the last, with no stack trace.
      java.util.List<String> lines = jar.output().strip().lines().toList();
      assertThat(lines.get(lines.size() - 1))
          .startsWith("error: TLS_CERT_PATH /nonexistent/tls.crt is not a readable file");
      assertThat(lines).filteredOn(line -> line.contains("error") || line.startsWith("\tat ")).hasSize(1);
    }
  }
}
