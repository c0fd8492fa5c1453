package dev.chatbot.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cluster-report}: the rows of {@code bench/cluster.sh} (one member in memory mode, three clustered members
 * with every webhook into member 1, and spread over the three) against the targets of issue 19. A verdict comes only
 * from a comparison with its target; a value that was not measured is "not judged". Other rows (the reference rows
 * {@code three-members-unclustered} and {@code one-member-clustered}) are listed in the table, not judged.
 */
final class ClusterReport {

  static final String ONE = "one-member";
  static final String ONE_ENTRY = "three-members-one-entry";
  static final String SPREAD = "three-members-spread";

  /** Issue 19's targets, each a ratio to the one-member row of the same run. */
  private record Target(String row, String metric, String label, double limit, boolean atLeast) {}

  private static final Target[] TARGETS = {
      new Target(SPREAD, "replies_per_s", "replies/s, spread over 3", 0.50, true),
      new Target(ONE_ENTRY, "replies_per_s", "replies/s, all into member 1", 0.35, true),
      new Target(SPREAD, "cpu_us_per_reply", "CPU per reply (all members), spread", 2.0, false),
      new Target(ONE_ENTRY, "cpu_us_per_reply", "CPU per reply (all members), into member 1", 2.0, false),
      new Target(SPREAD, "e2e_p99_ms", "e2e p99, spread over 3", 3.0, false),
      new Target(ONE_ENTRY, "e2e_p99_ms", "e2e p99, all into member 1", 3.0, false),
  };

  private ClusterReport() {}

  static int run(Args args) throws Exception {
    Path in = Path.of(args.get("in", null, "results/cluster.tmp"));
    Path out = Path.of(args.get("out", null, "results/cluster.json"));
    Map<String, JsonObject> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonObject json = new JsonObject(line);
        if ("workload".equals(json.getString("type"))) {
          rows.put(json.getString("system"), json);
        }
      }
    }
    JsonArray verdicts = judge(rows);
    Files.writeString(out, new JsonObject().put("rows", new JsonArray(rows.values().stream().toList()))
        .put("verdicts", verdicts).encodePrettily() + "\n", StandardCharsets.UTF_8);
    System.out.print(table(rows, verdicts));
    return 0;
  }

  static JsonArray judge(Map<String, JsonObject> rows) {
    JsonArray verdicts = new JsonArray();
    JsonObject one = rows.get(ONE);
    for (Target target : TARGETS) {
      JsonObject row = rows.get(target.row());
      Double ratio = one == null || row == null ? null : ratio(row, one, target.metric());
      String verdict;
      if (ratio == null) {
        verdict = "not judged (not measured)";
      } else if (row.getLong("lost", 0L) + row.getLong("ack_errors", 0L) + row.getLong("mismatches", 0L) > 0) {
        verdict = "MISS (lost or failed messages)";
      } else {
        verdict = (target.atLeast() ? ratio >= target.limit() : ratio <= target.limit()) ? "PASS" : "MISS";
      }
      verdicts.add(new JsonObject().put("target", target.label()).put("ratio", ratio)
          .put("limit", (target.atLeast() ? ">= " : "<= ") + target.limit() + "x").put("verdict", verdict));
    }
    return verdicts;
  }

  private static Double ratio(JsonObject row, JsonObject one, String metric) {
    Object a = row.getValue(metric);
    Object b = one.getValue(metric);
    if (!(a instanceof Number x) || !(b instanceof Number y) || y.doubleValue() == 0) {
      return null;
    }
    return LoadGen.finite(LoadGen.round(x.doubleValue() / y.doubleValue(), 2));
  }

  static String table(Map<String, JsonObject> rows, JsonArray verdicts) {
    StringBuilder s = new StringBuilder("\n| system | replies/s | ack p50 / p99 ms | e2e p50 / p99 ms | CPU µs/reply "
        + "| lost/err |\n|---|---:|---:|---:|---:|---:|\n");
    rows.forEach((name, w) -> s.append(String.format("| %s | %s | %s / %s | %s / %s | %s | %s |%n", name,
        w.getValue("replies_per_s"), w.getValue("ack_p50_ms"), w.getValue("ack_p99_ms"), w.getValue("e2e_p50_ms"),
        w.getValue("e2e_p99_ms"), w.getValue("cpu_us_per_reply", "-"),
        w.getLong("lost", 0L) + w.getLong("ack_errors", 0L) + w.getLong("mismatches", 0L))));
    s.append("\n| target (issue 19, vs one member) | ratio | limit | verdict |\n|---|---:|---:|---|\n");
    for (Object o : verdicts) {
      JsonObject v = (JsonObject) o;
      s.append(String.format("| %s | %s | %s | %s |%n", v.getString("target"),
          v.getValue("ratio") == null ? "-" : v.getValue("ratio"), v.getString("limit"), v.getString("verdict")));
    }
    return s.toString();
  }
}
