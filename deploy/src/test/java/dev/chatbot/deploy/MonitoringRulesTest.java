package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chatbot.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules in deploy/monitoring parse, cover what an operator needs, and
 * use only metrics a running server exports.
 */
class MonitoringRulesTest {

  private static final Path DASHBOARD = Path.of("monitoring", "grafana-dashboard.json");
  private static final Path ALERTS = Path.of("monitoring", "alerts.yaml");

  /** PromQL words that look like metric names. */
  private static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "by", "without", "on",
      "ignoring", "group_left", "group_right", "and", "or", "unless", "rate", "irate", "increase", "delta", "deriv",
      "histogram_quantile", "clamp_min", "clamp_max", "max_over_time", "min_over_time", "avg_over_time", "offset",
      "bool", "abs", "absent", "vector");

  @Test
  void theDashboardParsesAndItsPanelsHaveQueries() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    assertThat(dashboard.path("uid").asText()).isEqualTo("chatbot");
    List<String> titles = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
      panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).isNotBlank());
    }
    assertThat(titles).contains("Send failures by reason", "Messages waiting", "Dead letters", "Bad signatures",
        "Ready replicas", "Send latency (one platform call)", "Handovers to a human", "Platform credentials");
  }

  @Test
  void theAlertRulesParseAndCoverTheFailuresAnOperatorMustHearOf() throws IOException {
    List<String> alerts = new ArrayList<>();
    for (JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        alerts.add(rule.path("alert").asText());
        assertThat(rule.path("expr").asText()).isNotBlank();
        assertThat(rule.at("/labels/severity").asText()).isIn("warning", "critical");
        assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
      }
    }
    assertThat(alerts).contains("ChatbotSendFailures", "ChatbotBacklogGrowing", "ChatbotDeadLetters",
        "ChatbotBadSignatures", "ChatbotNotReady");
  }

  @Test
  void everyMetricTheyUseIsExportedByARunningServer() throws Exception {
    Set<String> used = new TreeSet<>();
    expressions().forEach(expr -> used.addAll(metricNames(expr)));
    assertThat(used).contains("chatbot_send_failures_total", "chatbot_messages_waiting", "chatbot_dead_letters",
        "chatbot_webhook_requests_total", "chatbot_ready", "chatbot_send_duration_seconds_bucket");

    int management = TestServer.freePort();
    try (TestServer server = TestServer.start(Map.of("BOT", "echo", "MANAGEMENT_PORT", String.valueOf(management)))) {
      String metrics = "http://127.0.0.1:" + management + "/metrics";
      Http.get(server.url("/health/live")); // so the HTTP server meters have a request to show
      String scrape = Http.get(metrics).body();
      Set<String> exported = new TreeSet<>();
      Matcher sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE).matcher(scrape);
      while (sample.find()) {
        exported.add(sample.group(1));
      }
      assertThat(exported).containsAll(used);
    }
  }

  @Test
  void metricNamesAreFoundInPromQl() {
    assertThat(metricNames("histogram_quantile(0.95, sum by (platform, le) (rate(a_seconds_bucket{x=\"y\"}[5m])))"
        + " / clamp_min(b_total, 1e-9) > 0 and c == 0")).containsExactlyInAnyOrder("a_seconds_bucket", "b_total", "c");
  }

  private static List<String> expressions() throws IOException {
    List<String> expressions = new ArrayList<>();
    new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")
        .forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
    for (JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile()).path("groups")) {
      group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText()));
    }
    return expressions;
  }

  /** The metric names of a PromQL expression: identifiers outside label matchers, groupings and ranges. */
  static Set<String> metricNames(String expr) {
    String bare = expr.replaceAll("\\{[^}]*}", " ")                   // label matchers
        .replaceAll("\\[[^\\]]*]", " ")                                 // ranges
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
        .replaceAll("\"[^\"]*\"", " ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()").matcher(bare);
    while (identifier.find()) {
      String name = identifier.group(1);
      if (!PROMQL.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
