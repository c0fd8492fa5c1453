package dev.chatbot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few bits of the Prometheus text format the bench reads: histogram buckets and plain samples. */
final class Prom {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)");

  private Prom() {}

  /** Cumulative bucket counts by upper bound, per value of {@code label}, for histogram {@code name}. */
  static Map<String, TreeMap<Double, Double>> buckets(String text, String name, String label) {
    Map<String, TreeMap<Double, Double>> result = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith(name + "_bucket")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.find() || !m.group(1).equals(name + "_bucket")) {
        continue;
      }
      String labels = m.group(3) == null ? "" : m.group(3);
      String key = labelValue(labels, label);
      String le = labelValue(labels, "le");
      if (le == null) {
        continue;
      }
      double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      result.computeIfAbsent(key == null ? "" : key, k -> new TreeMap<>()).put(bound, Double.parseDouble(m.group(4)));
    }
    return result;
  }

  /** Sum of all samples of {@code name} whose labels contain every {@code mustContain} fragment. */
  static double sum(String text, String name, String... mustContain) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (!line.startsWith(name)) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.find() || !m.group(1).equals(name)) {
        continue;
      }
      String labels = m.group(3) == null ? "" : m.group(3);
      boolean all = true;
      for (String fragment : mustContain) {
        all &= labels.contains(fragment);
      }
      if (all) {
        total += Double.parseDouble(m.group(4));
      }
    }
    return total;
  }

  static String labelValue(String labels, String label) {
    Matcher m = Pattern.compile("(?:^|,)\\s*" + Pattern.quote(label) + "=\"([^\"]*)\"").matcher(labels);
    return m.find() ? m.group(1) : null;
  }

  /** {@code after - before}, bucket by bucket. */
  static TreeMap<Double, Double> minus(TreeMap<Double, Double> after, TreeMap<Double, Double> before) {
    TreeMap<Double, Double> diff = new TreeMap<>();
    after.forEach((le, count) -> diff.put(le, count - (before == null ? 0 : before.getOrDefault(le, 0.0))));
    return diff;
  }

  /** The q-quantile, interpolated inside its bucket like PromQL's {@code histogram_quantile}. */
  static double quantile(TreeMap<Double, Double> cumulative, double q) {
    if (cumulative.isEmpty()) {
      return Double.NaN;
    }
    double total = cumulative.lastEntry().getValue();
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    List<Map.Entry<Double, Double>> entries = new ArrayList<>(cumulative.entrySet());
    for (Map.Entry<Double, Double> e : entries) {
      if (e.getValue() >= rank) {
        if (e.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = e.getValue() - lowerCount;
        return inBucket <= 0 ? e.getKey() : lowerBound + (e.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = e.getKey();
      lowerCount = e.getValue();
    }
    return lowerBound;
  }
}
