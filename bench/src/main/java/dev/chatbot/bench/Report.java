package dev.chatbot.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report}: merges the JSON lines of one run (systems: startup and peak RSS; workloads: throughput and
 * latency; soak samples) into one JSON document, prints the table and the ratios against the baseline and the
 * targets of issue 9.
 */
final class Report {

  static final double TARGET_REPLIES_RATIO = 0.60;
  static final double TARGET_P99_RATIO = 2.0;
  static final double TARGET_RSS_RATIO = 1.3;
  static final long TARGET_STARTUP_MS = 1500;
  static final double TARGET_BOT_P99_MS = 5.0;

  static int run(Args args) throws Exception {
    Path in = Path.of(args.get("in", null, "results/run.tmp"));
    Path out = Path.of(args.get("out", null, "results/latest.json"));
    Map<String, JsonObject> systems = new LinkedHashMap<>();
    List<JsonObject> workloads = new ArrayList<>();
    JsonArray soak = new JsonArray();
    JsonObject machine = new JsonObject();
    for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject json = new JsonObject(line);
      switch (json.getString("type", "")) {
        case "system" -> systems.merge(json.getString("system"), json, JsonObject::mergeIn);
        case "workload" -> workloads.add(json);
        case "soak" -> soak.add(json);
        case "machine" -> machine.mergeIn(json);
        default -> { }
      }
    }
    JsonArray ratios = ratios(systems, workloads);
    JsonObject document = new JsonObject()
        .put("machine", machine)
        .put("systems", new JsonArray(new ArrayList<>(systems.values())))
        .put("workloads", new JsonArray(new ArrayList<>(workloads)))
        .put("ratios_vs_baseline", ratios);
    if (!soak.isEmpty()) {
      document.put("soak", soak);
    }
    Files.writeString(out, document.encodePrettily() + "\n", StandardCharsets.UTF_8);
    System.out.print(table(machine, systems, workloads, ratios, soak));
    return 0;
  }

  private static JsonArray ratios(Map<String, JsonObject> systems, List<JsonObject> workloads) {
    JsonArray ratios = new JsonArray();
    JsonObject baseSystem = systems.get("baseline");
    for (JsonObject w : workloads) {
      if (w.getString("system").equals("baseline")) {
        continue;
      }
      JsonObject base = workloads.stream()
          .filter(b -> b.getString("system").equals("baseline") && b.getString("workload").equals(w.getString("workload"))
              && b.getValue("concurrency").equals(w.getValue("concurrency")))
          .findFirst().orElse(null);
      JsonObject system = systems.getOrDefault(w.getString("system"), new JsonObject());
      JsonObject r = new JsonObject().put("system", w.getString("system")).put("workload", w.getString("workload"))
          .put("concurrency", w.getValue("concurrency"));
      if (base != null) {
        r.put("replies_ratio", ratio(w, base, "replies_per_s"));
        r.put("ack_p99_ratio", ratio(w, base, "ack_p99_ms"));
        r.put("e2e_p99_ratio", ratio(w, base, "e2e_p99_ms"));
        if (w.containsKey("cpu_us_per_reply") && base.containsKey("cpu_us_per_reply")) {
          r.put("cpu_per_reply_ratio", ratio(w, base, "cpu_us_per_reply"));
        }
      }
      // Issue 9: throughput, latency, memory and startup targets are on the echo bot; the shoe bot's target is its
      // bot time, judged alone (concurrency 1). With 64 in flight on 2 cores the same histogram mostly measures the
      // wait for a saturated event loop and stub (Little's law), so that row is reported, not judged.
      boolean echo = w.getString("workload").endsWith("-echo");
      if (echo && baseSystem != null && system.containsKey("peak_rss_mb")) {
        r.put("rss_ratio", LoadGen.finite(LoadGen.round(num(system, "peak_rss_mb") / num(baseSystem, "peak_rss_mb"), 2)));
      }
      if (echo && system.containsKey("startup_ms")) {
        r.put("startup_ms", system.getValue("startup_ms"));
      }
      JsonObject bots = w.getJsonObject("bot_handling");
      if (bots != null && w.getString("workload").endsWith("-shoe") && bots.containsKey("shoe-shop")) {
        r.put(w.getInteger("concurrency", 0) == 1 ? "bot_p99_ms" : "bot_p99_loaded_ms",
            bots.getJsonObject("shoe-shop").getValue("p99_ms"));
      }
      r.put("errors", w.getLong("lost", 0L) + w.getLong("ack_errors", 0L) + w.getLong("mismatches", 0L));
      r.put("verdict", verdict(r));
      ratios.add(r);
    }
    return ratios;
  }

  private static String verdict(JsonObject r) {
    List<String> misses = new ArrayList<>();
    if (r.getLong("errors", 0L) > 0) {
      misses.add("lost/failed messages");
    }
    if (r.containsKey("replies_ratio") && num(r, "replies_ratio") < TARGET_REPLIES_RATIO) {
      misses.add("replies/s<60%");
    }
    if (r.containsKey("ack_p99_ratio") && num(r, "ack_p99_ratio") > TARGET_P99_RATIO) {
      misses.add("ack p99>2x");
    }
    if (r.containsKey("e2e_p99_ratio") && num(r, "e2e_p99_ratio") > TARGET_P99_RATIO) {
      misses.add("e2e p99>2x");
    }
    if (r.containsKey("rss_ratio") && num(r, "rss_ratio") > TARGET_RSS_RATIO) {
      misses.add("RSS>1.3x");
    }
    if (r.containsKey("startup_ms") && num(r, "startup_ms") > TARGET_STARTUP_MS) {
      misses.add("startup>1.5s");
    }
    if (r.containsKey("bot_p99_ms") && num(r, "bot_p99_ms") > TARGET_BOT_P99_MS) {
      misses.add("bot p99>5ms");
    }
    if (r.containsKey("bot_p99_loaded_ms")) {
      return "reported (box saturated)";
    }
    if (!r.containsKey("replies_ratio") && !r.containsKey("bot_p99_ms")) {
      // Nothing to compare with (no baseline row in this run): no verdict, whatever the errors say.
      return misses.isEmpty() ? "not judged (no baseline)" : "MISS " + String.join(", ", misses);
    }
    return misses.isEmpty() ? "PASS" : "MISS " + String.join(", ", misses);
  }

  private static Double ratio(JsonObject a, JsonObject b, String key) {
    return LoadGen.finite(LoadGen.round(num(a, key) / num(b, key), 2));
  }

  private static double num(JsonObject json, String key) {
    Object v = json.getValue(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  static String table(JsonObject machine, Map<String, JsonObject> systems, List<JsonObject> workloads,
      JsonArray ratios, JsonArray soak) {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%nmachine: nproc=%s load_1m_at_start=%s product=%s cds=%s rate_limits=%s warmup=%ss "
            + "measure=%ss (%s)%n%n", machine.getValue("nproc", "?"), machine.getValue("load_1m_at_start", "?"),
        machine.getValue("product_commit", "?"), machine.getValue("product_cds", "off"), machine.getValue("rate_limits", "?"), machine.getValue("warmup_s", "?"),
        machine.getValue("duration_s", "?"), machine.getString("note", "")));
    String header = "| system | workload | conc | acks/s | ack p50 ms | ack p99 ms | replies/s | e2e p50 ms | e2e p99 ms "
        + "| peak RSS MB | startup ms | bot p99 ms | CPU µs/reply | lost/err |";
    s.append(header).append('\n');
    s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonObject w : workloads) {
      JsonObject system = systems.getOrDefault(w.getString("system"), new JsonObject());
      JsonObject bots = w.getJsonObject("bot_handling");
      String botP99 = "-";
      if (bots != null && !bots.isEmpty()) {
        List<String> parts = new ArrayList<>();
        bots.forEach(e -> parts.add(((JsonObject) e.getValue()).getValue("p99_ms").toString()));
        botP99 = String.join("/", parts);
      }
      s.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          w.getString("system"), w.getString("workload"), w.getValue("concurrency"), fmt(w.getValue("acks_per_s")), fmt(w.getValue("ack_p50_ms")),
          fmt(w.getValue("ack_p99_ms")), fmt(w.getValue("replies_per_s")), fmt(w.getValue("e2e_p50_ms")),
          fmt(w.getValue("e2e_p99_ms")), fmt(system.getValue("peak_rss_mb")), fmt(system.getValue("startup_ms")),
          botP99, fmt(w.getValue("cpu_us_per_reply")), w.getLong("lost", 0L) + w.getLong("ack_errors", 0L) + w.getLong("mismatches", 0L)));
    }
    if (!ratios.isEmpty()) {
      s.append(String.format("%nvs baseline (targets: replies/s >= 60%%, ack/e2e p99 <= 2x, RSS <= 1.3x, "
          + "startup <= 1500 ms on the echo bot; shoe bot p99 <= 5 ms, alone)%n"));
      s.append("| system | workload | conc | replies/s ratio | ack p99 ratio | e2e p99 ratio | RSS ratio | startup ms "
          + "| bot p99 ms | CPU/reply ratio | verdict |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
      for (Object o : ratios) {
        JsonObject r = (JsonObject) o;
        s.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.getString("system"),
            r.getString("workload"), r.getValue("concurrency"), fmt(r.getValue("replies_ratio")), fmt(r.getValue("ack_p99_ratio")),
            fmt(r.getValue("e2e_p99_ratio")), fmt(r.getValue("rss_ratio")), fmt(r.getValue("startup_ms")),
            fmt(r.getValue("bot_p99_ms", r.getValue("bot_p99_loaded_ms"))), fmt(r.getValue("cpu_per_reply_ratio")),
            r.getString("verdict")));
      }
    }
    for (int concurrency : new int[] {1, 64}) {
      JsonObject echo = find(workloads, "chatbot-echo", "messenger-echo", concurrency);
      JsonObject shoe = find(workloads, "chatbot-shoe", "messenger-shoe", concurrency);
      if (echo != null && shoe != null) {
        s.append(String.format("%nack before the bot runs, concurrency %d: Messenger ack p50/p99 %s/%s ms with the echo bot, "
                + "%s/%s ms with the shoe bot%n", concurrency, fmt(echo.getValue("ack_p50_ms")),
            fmt(echo.getValue("ack_p99_ms")), fmt(shoe.getValue("ack_p50_ms")), fmt(shoe.getValue("ack_p99_ms"))));
      }
    }
    if (!soak.isEmpty()) {
      s.append(String.format("%nsoak (heap used after a full GC; DATA_DIR's size on disk):%n"
          + "| t s | heap MB | messages received | data dir MB | note |%n|---:|---:|---:|---:|---|%n"));
      for (Object o : soak) {
        JsonObject sample = (JsonObject) o;
        Object dataKb = sample.getValue("data_dir_kb");
        s.append(String.format("| %s | %s | %s | %s | %s |%n", fmt(sample.getValue("t_s")),
            fmt(sample.getValue("heap_used_mb")), fmt(sample.getValue("messages_received")),
            dataKb == null ? "-" : String.valueOf(Math.round(num(sample, "data_dir_kb") / 1024)), sample.getString("note", "")));
      }
      JsonObject first = soak.getJsonObject(0);
      JsonObject last = soak.getJsonObject(soak.size() - 1);
      double maxUnderLoad = 0;
      for (Object o : soak) {
        maxUnderLoad = Math.max(maxUnderLoad, num((JsonObject) o, "heap_used_mb"));
      }
      s.append(String.format("heap after full GC: %s MB at the first sample, %s MB at the end, at most %.0f MB, over %s "
              + "unique messages (the dedupe store is capped by DEDUPE_MAX_ENTRIES, so it is bounded once that many "
              + "ids are in it)%n", fmt(first.getValue("heap_used_mb")), fmt(last.getValue("heap_used_mb")),
          maxUnderLoad, fmt(last.getValue("messages_received"))));
    }
    return s.toString();
  }

  private static JsonObject find(List<JsonObject> workloads, String system, String workload, int concurrency) {
    return workloads.stream()
        .filter(w -> w.getString("system").equals(system) && w.getString("workload").equals(workload)
            && w.getInteger("concurrency", 0) == concurrency)
        .findFirst().orElse(null);
  }

  private static String fmt(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) > 100) {
      return String.valueOf(d.longValue());
    }
    return value.toString();
  }
}
