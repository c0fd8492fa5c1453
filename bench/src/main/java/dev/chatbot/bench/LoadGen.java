package dev.chatbot.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code loadgen}: starts the platform API stub, waits until the system under test is ready, then runs each workload
 * (warmup, then a measurement window) and appends one JSON line per workload to {@code --out}.
 */
final class LoadGen {

  private final String system;
  private final String host;
  private final int targetPort;
  /** Where each driver sends its webhooks: driver {@code d} to {@code targetPorts[d % n]} (several cluster members). */
  private final List<Integer> targetPorts;
  private final int stubPort;
  private final List<String> workloads;
  private final int concurrency;
  private final int users;
  private final int drivers;
  private final int warmupSeconds;
  private final int durationSeconds;
  private final int prewarmSeconds;
  private final int timeoutMillis;
  private final String readyPath;
  private final String metricsPath;
  private final Path out;
  private final String sutPidFile;
  private List<Long> sutPids = List.of();

  LoadGen(Args args) {
    system = args.get("system", null, "unnamed");
    host = "127.0.0.1";
    targetPort = args.getInt("target-port", "BENCH_TARGET_PORT", 18080);
    String ports = args.get("target-ports", null, "");
    targetPorts = ports.isBlank() ? List.of(targetPort)
        : java.util.Arrays.stream(ports.split(",")).map(String::trim).map(Integer::valueOf).toList();
    stubPort = args.getInt("stub-port", "BENCH_STUB_PORT", 18090);
    workloads = List.of(args.get("workloads", "BENCH_WORKLOADS", "messenger-echo,slack-echo").split(","));
    concurrency = args.getInt("concurrency", "BENCH_CONCURRENCY", 64);
    users = args.getInt("users", "BENCH_USERS", 1000);
    drivers = args.getInt("drivers", "BENCH_DRIVERS", 2);
    warmupSeconds = args.getInt("warmup", "BENCH_WARMUP", 10);
    durationSeconds = args.getInt("duration", "BENCH_DURATION", 20);
    prewarmSeconds = args.getInt("prewarm", "BENCH_PREWARM", 15);
    timeoutMillis = args.getInt("timeout-ms", "BENCH_TIMEOUT_MS", 10_000);
    readyPath = args.get("ready-path", null, "/health/ready");
    metricsPath = args.get("metrics-path", null, "");
    out = Path.of(args.get("out", null, "results/run.tmp"));
    sutPidFile = args.get("sut-pid-file", null, "");
    if (users < concurrency * 2) {
      throw new IllegalArgumentException("--users must be at least twice --concurrency");
    }
  }

  int run() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Correlator correlator = new Correlator();
      vertx.deployVerticle(() -> new Stub(host, stubPort, correlator), new DeploymentOptions().setInstances(2))
          .await(10, TimeUnit.SECONDS);
      log("stub listening port=" + stubPort);
      HttpClientAgent probe = vertx.createHttpClient();
      if (!waitReady(probe, 120_000)) {
        log("system not ready on port " + targetPort + readyPath);
        return 3;
      }
      if (!sutPidFile.isEmpty()) {
        // One pid, or several (the members of a cluster), whose CPU time is summed.
        sutPids = java.util.Arrays.stream(Files.readString(Path.of(sutPidFile)).trim().split("[\\s,]+"))
            .map(Long::valueOf).toList();
      }
      log("system ready, running " + workloads);
      // Every workload once, unmeasured, before any is measured: the JIT then has seen all code paths, so the
      // first workload measured is not penalised against the later ones.
      if (prewarmSeconds > 0) {
        java.util.Set<String> warmed = new java.util.HashSet<>();
        for (String spec : workloads) {
          String[] parts = spec.trim().split(":");
          if (!warmed.add(parts[0])) {
            continue;
          }
          runWorkload(vertx, probe, correlator, Workload.named(parts[0]), concurrency, prewarmSeconds, 0);
        }
      }
      for (String spec : workloads) {
        // "name" or "name:concurrency" (e.g. messenger-shoe:1 for the bot's own latency without queueing)
        String[] parts = spec.trim().split(":");
        int slots = parts.length > 1 ? Integer.parseInt(parts[1]) : concurrency;
        JsonObject result = runWorkload(vertx, probe, correlator, Workload.named(parts[0]), slots, warmupSeconds,
            durationSeconds);
        Files.writeString(out, result.encode() + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        log(summary(result));
      }
      return 0;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Warmup, then (when {@code durationSeconds > 0}) a measurement window; null when nothing was measured. */
  private JsonObject runWorkload(Vertx vertx, HttpClientAgent probe, Correlator correlator, Workload workload,
      int concurrency, int warmupSeconds, int durationSeconds) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(workload.name.hashCode() & 0xfff, 36);
    List<Driver> deployed = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int drivers = Math.min(this.drivers, concurrency);
    for (int d = 0; d < drivers; d++) {
      int slots = concurrency / drivers + (d < concurrency % drivers ? 1 : 0);
      List<Integer> mine = new ArrayList<>();
      for (int u = d; u < users; u += drivers) {
        mine.add(u);
      }
      Driver driver = new Driver(d, workload, correlator, slots, mine, host, targetPorts.get(d % targetPorts.size()),
          runId, timeoutMillis);
      ids.add(vertx.deployVerticle(driver).await(10, TimeUnit.SECONDS));
      deployed.add(driver);
    }
    log("workload=" + workload.name + " concurrency=" + concurrency + (durationSeconds == 0 ? " prewarm_s=" : " warmup_s=")
        + warmupSeconds);
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
    if (durationSeconds == 0) {
      stop(vertx, correlator, deployed, ids);
      return null;
    }
    String metricsBefore = scrape(probe);
    correlator.resetLatencies();
    long cpuStart = CpuTime.ticks(sutPids);
    long selfCpuStart = CpuTime.ticks(ProcessHandle.current().pid());
    Correlator.Snapshot start = correlator.snapshot();
    log("workload=" + workload.name + " measuring_s=" + durationSeconds);
    Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
    Correlator.Snapshot end = correlator.snapshot();
    long cpuEnd = CpuTime.ticks(sutPids);
    long selfCpuEnd = CpuTime.ticks(ProcessHandle.current().pid());
    Histogram ack = correlator.ackWindow();
    Histogram e2e = correlator.e2eWindow();
    String metricsAfter = scrape(probe);
    stop(vertx, correlator, deployed, ids);

    double seconds = (end.nanos() - start.nanos()) / 1e9;
    JsonObject result = new JsonObject()
        .put("type", "workload")
        .put("system", system)
        .put("workload", workload.name)
        .put("concurrency", concurrency)
        .put("users", users)
        .put("warmup_s", warmupSeconds)
        .put("duration_s", round(seconds, 2))
        .put("sent", end.sent() - start.sent())
        .put("acks", end.acks() - start.acks())
        .put("replies", end.replies() - start.replies())
        .put("acks_per_s", round((end.acks() - start.acks()) / seconds, 0))
        .put("replies_per_s", round((end.replies() - start.replies()) / seconds, 0))
        .put("ack_p50_ms", ms(ack, 50))
        .put("ack_p99_ms", ms(ack, 99))
        .put("ack_max_ms", ack.getTotalCount() == 0 ? null : round(ack.getMaxValue() / 1000.0, 2))
        .put("e2e_p50_ms", ms(e2e, 50))
        .put("e2e_p99_ms", ms(e2e, 99))
        .put("e2e_max_ms", e2e.getTotalCount() == 0 ? null : round(e2e.getMaxValue() / 1000.0, 2))
        .put("ack_errors", end.ackErrors() - start.ackErrors())
        .put("lost", end.lost() - start.lost())
        .put("mismatches", end.mismatches() - start.mismatches())
        .put("extra_replies", end.extra() - start.extra());
    long replies = end.replies() - start.replies();
    if (cpuStart >= 0 && cpuEnd >= 0 && replies > 0) {
      // CPU the system burnt per answered message: much less sensitive to other load on the box than throughput.
      result.put("cpu_us_per_reply", round(CpuTime.micros(cpuEnd - cpuStart) / (double) replies, 1));
      result.put("cpu_cores_used", round(CpuTime.micros(cpuEnd - cpuStart) / 1e6 / seconds, 2));
    }
    if (selfCpuStart >= 0 && selfCpuEnd >= 0) {
      result.put("loadgen_cpu_cores_used", round(CpuTime.micros(selfCpuEnd - selfCpuStart) / 1e6 / seconds, 2));
    }
    if (!metricsAfter.isEmpty()) {
      result.put("bot_handling", botHandling(metricsBefore, metricsAfter));
    }
    return result;
  }

  private void stop(Vertx vertx, Correlator correlator, List<Driver> deployed, List<String> ids) throws Exception {
    for (Driver driver : deployed) {
      try {
        driver.stopSending().await(timeoutMillis + 2_000L, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        log("drain timed out: " + e.getMessage());
      }
    }
    for (String id : ids) {
      vertx.undeploy(id).await(10, TimeUnit.SECONDS);
    }
    correlator.pending.clear();
  }

  /** p50/p99 of {@code chatbot_bot_handling_seconds} over the measurement window, per bot, from /metrics. */
  static JsonObject botHandling(String before, String after) {
    String name = "chatbot_bot_handling_seconds";
    Map<String, TreeMap<Double, Double>> b = Prom.buckets(before, name, "bot");
    JsonObject bots = new JsonObject();
    Prom.buckets(after, name, "bot").forEach((bot, buckets) -> {
      TreeMap<Double, Double> window = Prom.minus(buckets, b.get(bot));
      bots.put(bot, new JsonObject()
          .put("count", window.isEmpty() ? 0 : window.lastEntry().getValue().longValue())
          .put("p50_ms", finite(round(Prom.quantile(window, 0.50) * 1000, 3)))
          .put("p99_ms", finite(round(Prom.quantile(window, 0.99) * 1000, 3))));
    });
    return bots;
  }

  private boolean waitReady(HttpClientAgent probe, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      try {
        int status = probe.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(targetPort)
                .setURI(readyPath).setIdleTimeout(2_000))
            .compose(request -> request.send().compose(response -> response.body().map(response.statusCode())))
            .await(3, TimeUnit.SECONDS);
        if (status == 200) {
          return true;
        }
      } catch (Exception notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    return false;
  }

  private String scrape(HttpClientAgent probe) {
    if (metricsPath.isEmpty()) {
      return "";
    }
    try {
      return probe.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(targetPort)
              .setURI(metricsPath).setIdleTimeout(5_000))
          .compose(request -> request.send().compose(response -> response.body()))
          .await(10, TimeUnit.SECONDS).toString();
    } catch (Exception e) {
      log("metrics scrape failed: " + e.getMessage());
      return "";
    }
  }

  static String summary(JsonObject r) {
    return String.format("workload=%s concurrency=%s cpu_us/reply=%s acks/s=%s ack_p50=%sms ack_p99=%sms replies/s=%s e2e_p50=%sms e2e_p99=%sms "
            + "errors=%s lost=%s mismatches=%s extra=%s%s",
        r.getString("workload"), r.getValue("concurrency"), r.getValue("cpu_us_per_reply"), r.getValue("acks_per_s"), r.getValue("ack_p50_ms"), r.getValue("ack_p99_ms"),
        r.getValue("replies_per_s"), r.getValue("e2e_p50_ms"), r.getValue("e2e_p99_ms"), r.getValue("ack_errors"),
        r.getValue("lost"), r.getValue("mismatches"), r.getValue("extra_replies"),
        r.containsKey("bot_handling") ? " bot_handling=" + r.getJsonObject("bot_handling").encode() : "");
  }

  /** Milliseconds at {@code percentile}, or null (JSON null, not NaN) when nothing was recorded. */
  private static Double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? null : round(h.getValueAtPercentile(percentile) / 1000.0, 2);
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  static double round(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  static void log(String line) {
    System.out.println("[loadgen] " + line);
    System.out.flush();
  }

  /** {@code stub}: only the platform API stub, until killed (for manual runs). */
  static int stubOnly(Args args) throws Exception {
    int port = args.getInt("stub-port", "BENCH_STUB_PORT", 18090);
    Vertx vertx = Vertx.vertx();
    Correlator correlator = new Correlator();
    vertx.deployVerticle(() -> new Stub("127.0.0.1", port, correlator), new DeploymentOptions().setInstances(2))
        .await(10, TimeUnit.SECONDS);
    log("stub listening port=" + port + " (Ctrl-C to stop)");
    long limit = TimeUnit.SECONDS.toMillis(args.getInt("seconds", null, 3600));
    Thread.sleep(limit);
    vertx.close().await(10, TimeUnit.SECONDS);
    return 0;
  }

  @SuppressWarnings("unused")
  private static void ignore(IOException e) {}
}
