package dev.chatbot.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code jfr-top FILE [--top N] [--prefix dev.chatbot.]}: where CPU samples land in a JFR recording: by top frame
 * (self time), by method anywhere on the stack (total time), and by the first frame of the product's own code
 * (which framework method a sample is "in"), plus allocation samples by top product frame.
 */
final class JfrTop {

  static int run(String file, Args args) throws Exception {
    int top = args.getInt("top", null, 25);
    String prefix = args.get("prefix", null, "dev.chatbot.");
    // --under METHOD (substring of Class.method): what samples inside that method spend their time on.
    String under = args.get("under", null, "");
    Map<String, Long> underCallees = new HashMap<>();
    Map<String, Long> underSelf = new HashMap<>();
    long underSamples = 0;
    // --component NAME (prefix of a component name, e.g. json): which product code those self samples come from
    String focus = args.get("component", null, "");
    Map<String, Long> focusCallers = new HashMap<>();
    long focusSamples = 0;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    Map<String, Long> product = new HashMap<>();
    Map<String, Long> allocByProduct = new HashMap<>();
    Map<String, Long> allocByClass = new HashMap<>();
    Map<String, Long> components = new HashMap<>();
    Map<String, Long> componentsSelf = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    long samples = 0;
    Map<Long, long[]> allocatedByThread = new HashMap<>();
    java.time.Instant first = null;
    java.time.Instant last = null;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.ThreadAllocationStatistics") && event.getThread("thread") != null) {
        // cumulative bytes per thread: the recording's allocation is the growth of each thread's counter
        long allocated = event.getLong("allocated");
        long[] range = allocatedByThread.computeIfAbsent(event.getThread("thread").getJavaThreadId(),
            id -> new long[] {allocated, allocated});
        range[0] = Math.min(range[0], allocated);
        range[1] = Math.max(range[1], allocated);
        first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
        last = last == null || event.getStartTime().isAfter(last) ? event.getStartTime() : last;
        continue;
      }
      if (event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      if (type.equals("jdk.ExecutionSample")) {
        samples++;
        self.merge(name(frames.get(0)), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame f : frames) {
          String n = name(f);
          if (seen.add(n)) {
            total.merge(n, 1L, Long::sum);
          }
        }
        product.merge(firstProduct(frames, prefix), 1L, Long::sum);
        if (!under.isEmpty()) {
          for (int i = frames.size() - 1; i >= 0; i--) {
            if (name(frames.get(i)).contains(under)) {
              underSamples++;
              underSelf.merge(name(frames.get(0)), 1L, Long::sum);
              // the chain of the next 3 calls below it, which is usually enough to name the culprit
              StringBuilder chain = new StringBuilder();
              for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                chain.append(chain.length() == 0 ? "" : " > ").append(name(frames.get(j)));
              }
              underCallees.merge(chain.length() == 0 ? "(self)" : chain.toString(), 1L, Long::sum);
              break;
            }
          }
        }
        var thread = event.getThread("sampledThread");
        threads.merge(thread == null ? "?" : thread.getJavaName() == null ? "?" : thread.getJavaName()
            .replaceAll("[0-9]+", "N"), 1L, Long::sum);
        String selfComponent = selfComponent(frames);
        componentsSelf.merge(selfComponent, 1L, Long::sum);
        if (!focus.isEmpty() && selfComponent.startsWith(focus)) {
          focusSamples++;
          focusCallers.merge(firstProduct(frames, prefix), 1L, Long::sum);
        }
        Set<String> hit = new HashSet<>();
        for (RecordedFrame f : frames) {
          String component = component(f.getMethod().getType().getName());
          if (component != null && hit.add(component)) {
            components.merge(component, 1L, Long::sum);
          }
        }
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = event.getLong("weight");
        allocByProduct.merge(firstProduct(frames, prefix), weight, Long::sum);
        allocByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
      }
    }
    System.out.printf("execution samples: %d%n", samples);
    long allocatedBytes = allocatedByThread.values().stream().mapToLong(r -> r[1] - r[0]).sum();
    if (first != null && last != null && last.isAfter(first)) {
      double seconds = java.time.Duration.between(first, last).toMillis() / 1000.0;
      System.out.printf("allocated: %.0f MB in %.1f s (%.1f MB/s; divide by replies/s for bytes per reply)%n",
          allocatedBytes / 1048576.0, seconds, allocatedBytes / 1048576.0 / seconds);
    }
    print("threads (digits folded)", threads, samples, top);
    print("components, self (leaf frame, JDK frames charged to their nearest library caller)", componentsSelf,
        samples, top);
    print("components, total (share of samples with a frame of it anywhere on the stack)", components, samples, top);
    print("self (top frame)", self, samples, top);
    print("total (on stack)", total, samples, top);
    print("first " + prefix + " frame on stack", product, samples, top);
    if (!focus.isEmpty()) {
      System.out.printf("%n%d samples (%.2f%%) with self time in %s%n", focusSamples,
          100.0 * focusSamples / Math.max(1, samples), focus);
      print("first " + prefix + " frame of those", focusCallers, focusSamples, top);
    }
    if (!under.isEmpty()) {
      System.out.printf("%n%d samples (%.2f%%) inside %s%n", underSamples, 100.0 * underSamples / Math.max(1, samples),
          under);
      print("calls below " + under + " (share of its samples)", underCallees, underSamples, top);
      print("top frames below " + under, underSelf, underSamples, top);
    }
    long allocTotal = allocByProduct.values().stream().mapToLong(Long::longValue).sum();
    print("allocation (bytes, by first " + prefix + " frame)", allocByProduct, allocTotal, top);
    print("allocation (bytes, by class)", allocByClass, allocTotal, top);
    return 0;
  }

  /** Coarse cost centres, to say e.g. "metrics are on 15 % of the CPU samples". */
  static String component(String type) {
    for (String[] c : COMPONENTS) {
      for (int i = 1; i < c.length; i++) {
        if (type.startsWith(c[i])) {
          return c[0];
        }
      }
    }
    return null;
  }

  /** The component of the leaf-most frame that belongs to one; JDK code counts for whoever called it. */
  static String selfComponent(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String type = f.getMethod().getType().getName();
      String component = component(type);
      if (component != null) {
        return component;
      }
      if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.nio.")
          || type.startsWith("sun.misc."))) {
        return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
      }
    }
    return "jdk only";
  }

  private static final String[][] COMPONENTS = {
      {"metrics (micrometer)", "io.micrometer.", "io.vertx.micrometer.", "io.prometheus."},
      {"json (jackson, JsonObject)", "com.fasterxml.jackson.", "io.vertx.core.json."},
      {"hmac/crypto", "javax.crypto.", "sun.security.", "com.sun.crypto."},
      {"event bus", "io.vertx.core.eventbus."},
      {"vertx-web router/body", "io.vertx.ext.web.impl.", "io.vertx.ext.web.handler."},
      {"web client", "io.vertx.ext.web.client."},
      {"circuit breaker", "io.vertx.circuitbreaker."},
      {"caffeine", "com.github.benmanes.caffeine."},
      {"logging", "ch.qos.logback.", "org.slf4j."},
      {"futures", "io.vertx.core.impl.future.", "io.vertx.core.Future", "io.vertx.core.Promise"},
      {"netty", "io.netty."},
      {"vertx-core http", "io.vertx.core.http.", "io.vertx.core.net."},
      {"vertx-core context/loop", "io.vertx.core.impl.", "io.vertx.core.internal."},
      {"dev.chatbot (any)", "dev.chatbot."},
  };

  private static String firstProduct(List<RecordedFrame> frames, String prefix) {
    for (RecordedFrame f : frames) {
      String n = name(f);
      if (n.startsWith(prefix)) {
        return n;
      }
    }
    return "(no " + prefix + " frame)";
  }

  private static String name(RecordedFrame f) {
    // Lambda classes carry a per-run address: fold them so the same lambda adds up.
    String type = f.getMethod().getType().getName().replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda");
    return type + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Long> counts, long total, int top) {
    System.out.printf("%n== %s ==%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("%6.2f%%  %s%n", total == 0 ? 0 : 100.0 * e.getValue() / total, e.getKey()));
  }
}
