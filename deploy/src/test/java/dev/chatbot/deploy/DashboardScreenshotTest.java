package dev.chatbot.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Grafana dashboard of deploy/monitoring, drawn from real data: the server runs with Messenger (stubbed) under a
 * little traffic (echoes, a bad signature, a redelivery, a platform hiccup, a refused recipient), a real Prometheus
 * (Debian's {@code prometheus}) scrapes it every second, each panel's own query is asked of Prometheus over the run,
 * and the answers are drawn with uPlot (the chart library of Grafana's time series panels) in the dashboard's layout,
 * then photographed with headless Chromium. The picture is {@code target/screenshots/dashboard.png}, the one in
 * docs/operate.md. Every panel's query must have answered with data.
 */
class DashboardScreenshotTest {

  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final Path DASHBOARD = Path.of("monitoring", "grafana-dashboard.json");
  private static final String MESSENGER_PATH = GraphApiStub.VERSION_PATH + "/me/messages";
  private static final String TOKEN = "dashboard-admin-token";
  /** Scrapes to gather: rates need a few, and the charts look like a chart. */
  private static final int SCRAPES = 30;
  private static final int PANEL_ROW_PX = 30;

  @Test
  void theDashboardDrawnFromARunningServerShowsDataInEveryPanel() throws Exception {
    if (!Files.isExecutable(PROMETHEUS)) {
      throw new IllegalStateException("this test needs Debian's prometheus: apt-get install prometheus (./test.sh does this)");
    }
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD));
    try (GraphApiStub graph = GraphApiStub.start();
        TestServer server = TestServer.start(graph.messengerEnv("BOT", "echo", "ADMIN_API_TOKEN", TOKEN, "TEST_ADAPTER", "off",
            "SEND_RETRY_BASE_MILLIS", "20", "SEND_RETRY_MAX_MILLIS", "50"));
        Prometheus prometheus = Prometheus.scraping(server.port())) {
      platformSometimesSlowAndFlaky(graph);
      long start = System.currentTimeMillis() / 1000;
      MetaWebhooks webhooks = MetaWebhooks.messenger(server);
      int round = 0;
      // One round of traffic per scrape, so every scrape sees something new.
      while (prometheus.scrapes() < SCRAPES) {
        traffic(graph, webhooks, round++);
        prometheus.awaitScrapesAbove(prometheus.scrapes());
      }
      long end = System.currentTimeMillis() / 1000;

      List<JsonObject> panels = new ArrayList<>();
      for (Object item : dashboard.getJsonArray("panels")) {
        JsonObject panel = (JsonObject) item;
        JsonArray series = new JsonArray();
        for (Object target : panel.getJsonArray("targets")) {
          JsonObject query = (JsonObject) target;
          for (Object result : prometheus.queryRange(query.getString("expr"), start, end)) {
            JsonObject one = (JsonObject) result;
            series.add(new JsonObject().put("name", legend(query.getString("legendFormat", ""), one))
                .put("values", one.getJsonArray("values")));
          }
        }
        assertThat(series).as("data for the panel '%s'", panel.getString("title")).isNotEmpty();
        panels.add(panel.copy().put("series", series));
      }

      Path page = render(dashboard.getString("title"), panels, start, end);
      WebDriver browser = Browser.open(1600, 40 + 5 * 8 * PANEL_ROW_PX + 200);
      try {
        browser.get(page.toUri().toString());
        assertThat(browser.findElements(By.cssSelector(".panel"))).hasSize(panels.size());
        long charts = panels.stream().filter(panel -> panel.getString("type").equals("timeseries")).count();
        assertThat(browser.findElements(By.cssSelector(".uplot canvas"))).hasSize((int) charts);
        Path png = Browser.screenshot(browser, "dashboard");
        assertThat(Files.size(png)).isGreaterThan(10_000);
      } finally {
        browser.quit();
      }
    }
  }

  /** Sends take 5-60 ms; a recipient called "flaky" gets a 500 on its first try; "ghost" does not exist. */
  private static void platformSometimesSlowAndFlaky(GraphApiStub graph) {
    String sent = "{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}";
    graph.wireMock().stubFor(post(urlPathEqualTo(MESSENGER_PATH)).atPriority(5).willReturn(aResponse()
        .withStatus(200).withHeader("content-type", "application/json").withBody(sent).withUniformRandomDelay(5, 60)));
    graph.wireMock().stubFor(post(urlPathEqualTo(MESSENGER_PATH)).atPriority(2)
        .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("flaky")))
        .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
        .willReturn(GraphApiStub.graphError(500, 2, "Service temporarily unavailable")));
    graph.wireMock().stubFor(post(urlPathEqualTo(MESSENGER_PATH)).atPriority(2)
        .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("ghost")))
        .willReturn(GraphApiStub.graphError(400, 100, "(#100) No matching user found")));
  }

  private static void traffic(GraphApiStub graph, MetaWebhooks webhooks, int round) {
    for (int user = 0; user < 3 + round % 4; user++) {
      webhooks.deliver(MetaWebhooks.messengerText("user-" + user, "hello " + round));
    }
    if (round % 3 == 0) {
      graph.wireMock().setScenarioState("flaky", Scenario.STARTED);
      webhooks.deliver(MetaWebhooks.messengerText("flaky", "retry me " + round));
    }
    if (round % 8 == 4) {
      webhooks.deliver(MetaWebhooks.messengerText("ghost", "nobody home"));
    }
    if (round % 5 == 2) {
      JsonObject again = MetaWebhooks.messengerText("user-9", "only once " + round);
      webhooks.deliver(again);
      webhooks.deliver(again); // a redelivery: acknowledged, not handled again
    }
    if (round % 6 == 1) {
      assertThat(webhooks.postWronglySigned(MetaWebhooks.messengerText("mallory", "forged")).statusCode())
          .isEqualTo(401);
    }
  }

  /** Grafana's legend: {@code {{label}}} replaced by the series' label value. */
  private static String legend(String format, JsonObject result) {
    String legend = format;
    for (Map.Entry<String, Object> label : result.getJsonObject("metric")) {
      legend = legend.replace("{{" + label.getKey() + "}}", String.valueOf(label.getValue()));
    }
    return legend.isBlank() ? result.getJsonObject("metric").encode() : legend.strip();
  }

  /** The dashboard as a page: the panels where Grafana puts them (24 columns), drawn by uPlot from the answers. */
  private static Path render(String title, List<JsonObject> panels, long start, long end) throws IOException {
    Path dir = Path.of("target", "dashboard");
    Files.createDirectories(dir);
    copyResource("META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", dir.resolve("uPlot.js"));
    copyResource("META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css", dir.resolve("uPlot.css"));
    String data = new JsonArray(panels).encode().replace("</", "<\\/");
    String html = """
        <!doctype html><html><head><meta charset="utf-8"><title>%s</title>
        <link rel="stylesheet" href="uPlot.css"><script src="uPlot.js"></script>
        <style>
          body { margin: 0; overflow: hidden; background: #111217; color: #ccccdc; font: 13px Inter, Helvetica, Arial, sans-serif; }
          header { height: 40px; display: flex; align-items: center; padding: 0 16px; font-size: 16px; }
          header small { margin-left: 12px; color: #8e8e9e; }
          #grid { position: relative; margin: 0 8px; }
          .panel { position: absolute; box-sizing: border-box; background: #181b1f; border: 1px solid #2c3235;
                   border-radius: 2px; padding: 6px 8px; overflow: hidden; }
          .panel h2 { margin: 0 0 4px; font-size: 13px; font-weight: 500; color: #ccccdc; }
          .uplot, .u-legend { color: #ccccdc; font-size: 11px; }
          .u-legend .u-marker { width: 10px; height: 3px; }
          .stats { display: flex; gap: 8px; height: calc(100%% - 24px); }
          .stat { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center;
                  border-radius: 2px; color: #fff; font-size: 40px; }
          .stat span { font-size: 13px; }
        </style></head><body>
        <header>%s<small>%s, real data from a test run, scraped every second</small></header>
        <div id="grid"></div>
        <script>
        const panels = %s;
        const colors = ['#73bf69', '#f2cc0c', '#5794f2', '#ff780a', '#f2495c', '#b877d9', '#8ab8ff', '#96d98d'];
        const grid = document.getElementById('grid');
        const column = (window.innerWidth - 16) / 24, row = %d;
        grid.style.height = (Math.max(...panels.map(p => p.gridPos.y + p.gridPos.h)) * row) + 'px';
        const num = v => +v.toPrecision(3);
        const units = { reqps: v => num(v) + '/s', s: v => num(v * 1000) + ' ms',
                        bytes: v => (v / 1048576).toFixed(0) + ' MiB' };
        for (const panel of panels) {
          const box = document.createElement('div');
          box.className = 'panel';
          Object.assign(box.style, { left: panel.gridPos.x * column + 'px', top: panel.gridPos.y * row + 'px',
            width: panel.gridPos.w * column - 6 + 'px', height: panel.gridPos.h * row - 6 + 'px' });
          box.innerHTML = '<h2></h2>';
          box.querySelector('h2').textContent = panel.title;
          grid.appendChild(box);
          const unit = units[(panel.fieldConfig && panel.fieldConfig.defaults.unit) || ''] || num;
          // A crowded panel leaves out the series that stay at 0 (Grafana's legend option "hide zeros").
          const shown = panel.series.length > 4
            ? panel.series.filter(s => s.values.some(v => +v[1] !== 0)) : panel.series;
          if (panel.type === 'stat') {
            const stats = document.createElement('div');
            stats.className = 'stats';
            for (const s of panel.series) {
              const last = +s.values[s.values.length - 1][1];
              const stat = document.createElement('div');
              stat.className = 'stat';
              stat.style.background = last >= 1 ? '#37872d' : last === 0 ? '#c4162a' : '#464c54';
              stat.innerHTML = '<b></b><span></span>';
              stat.querySelector('b').textContent = isNaN(last) ? 'NaN' : last;
              stat.querySelector('span').textContent = s.name;
              stats.appendChild(stat);
            }
            box.appendChild(stats);
            continue;
          }
          const times = [...new Set(panel.series.flatMap(s => s.values.map(v => v[0])))].sort((a, b) => a - b);
          const data = [times, ...shown.map(s => {
            const byTime = new Map(s.values.map(v => [v[0], +v[1]]));
            return times.map(t => byTime.has(t) && isFinite(byTime.get(t)) ? byTime.get(t) : null);
          })];
          const axis = { stroke: '#8e8e9e', grid: { stroke: '#2c3235', width: 1 }, ticks: { stroke: '#2c3235' } };
          new uPlot({
            width: panel.gridPos.w * column - 24, height: panel.gridPos.h * row - 80,
            series: [{}, ...shown.map((s, i) => ({ label: s.name, stroke: colors[i %% colors.length],
              width: 1.5, fill: colors[i %% colors.length] + '1a', value: (u, v) => v == null ? '-' : unit(v) }))],
            axes: [axis, { ...axis, size: 75, values: (u, vals) => vals.map(unit) }],
            legend: { live: false }, cursor: { show: false },
          }, data, box);
        }
        </script></body></html>
        """.formatted(title, title, Duration.ofSeconds(end - start).toSeconds() + " s", data, PANEL_ROW_PX);
    Path page = dir.resolve("index.html");
    Files.writeString(page, html);
    return page.toAbsolutePath();
  }

  private static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = DashboardScreenshotTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test class path (org.webjars.npm:uplot)");
      }
      Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Debian's Prometheus as a child process, scraping the server's /metrics every second, on loopback only. */
  private static final class Prometheus implements AutoCloseable {

    private final Process process;
    private final String base;

    private Prometheus(Process process, String base) {
      this.process = process;
      this.base = base;
    }

    static Prometheus scraping(int serverPort) throws Exception {
      Path dir = Files.createTempDirectory("chatbot-prometheus");
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, """
          global: {scrape_interval: 1s, evaluation_interval: 1s}
          scrape_configs:
            - job_name: chatbot
              static_configs: [{targets: ['127.0.0.1:%d']}]
          """.formatted(serverPort));
      int port = TestServer.freePort();
      Process process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
          .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
      Prometheus prometheus = new Prometheus(process, "http://127.0.0.1:" + port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      try {
        while (!prometheus.ready()) {
          assertThat(System.nanoTime()).as("prometheus ready within 30 s, see " + dir.resolve("prometheus.log"))
              .isLessThan(deadline);
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return prometheus;
      } catch (RuntimeException | AssertionError notReady) {
        prometheus.close(); // never leave it running behind a failed test
        throw notReady;
      }
    }

    private boolean ready() {
      try {
        return Http.get(base + "/-/ready").statusCode() == 200;
      } catch (AssertionError notListeningYet) {
        return false;
      }
    }

    /** How many times Prometheus has scraped the server so far. */
    int scrapes() {
      JsonArray result = query("count_over_time(up{job=\"chatbot\"}[1h])");
      return result.isEmpty() ? 0 : Integer.parseInt(result.getJsonObject(0).getJsonArray("value").getString(1));
    }

    /** Polls (bounded: a loaded build machine can be slow) until Prometheus has scraped more than {@code count} times. */
    void awaitScrapesAbove(int count) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (scrapes() <= count) {
        assertThat(System.nanoTime()).as("a new scrape within 30 s").isLessThan(deadline);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }

    JsonArray query(String expr) {
      return answer(Http.get(base + "/api/v1/query?query=" + encode(expr)).body());
    }

    JsonArray queryRange(String expr, long start, long end) {
      return answer(Http.get(base + "/api/v1/query_range?query=" + encode(expr) + "&start=" + start + "&end=" + end
          + "&step=1").body());
    }

    private static JsonArray answer(String body) {
      JsonObject answer = new JsonObject(body);
      assertThat(answer.getString("status")).as(body).isEqualTo("success");
      return answer.getJsonObject("data").getJsonArray("result");
    }

    private static String encode(String expr) {
      return URLEncoder.encode(expr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }
}
