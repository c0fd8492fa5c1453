package dev.chatbot.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A cluster member in a child JVM on this test's class path ({@link ClusterMember}), so a test can kill it with
 * SIGKILL as a crash or the kernel's OOM killer would, while the other members live on.
 */
final class MemberProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** What Hazelcast asks for on Java 17, and a fast failure detector, as the module's surefire configuration. */
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "-Dhazelcast.wait.seconds.before.join=0", "-Dhazelcast.heartbeat.interval.seconds=1",
      "-Dhazelcast.max.no.heartbeat.seconds=5", "-Dhazelcast.partition.count=71",
      "-Dhazelcast.merge.first.run.delay.seconds=5", "-Dhazelcast.merge.next.run.delay.seconds=5");

  final int httpPort;
  private final Process process;
  private final Path output;

  private MemberProcess(int httpPort, Process process, Path output) {
    this.httpPort = httpPort;
    this.process = process;
    this.output = output;
  }

  /** Starts a member with {@code env} (plus its HTTP port on 127.0.0.1); returns at once. */
  static MemberProcess start(int httpPort, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterMember.class.getName()));
    Path output = Files.createTempFile("cluster-member", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("MESSENGER_") || name.startsWith("CLUSTER_")
        || name.startsWith("HTTP_") || name.equals("BOT") || name.equals("STATE_STORE"));
    environment.putAll(env);
    environment.put("HTTP_HOST", "127.0.0.1");
    environment.put("HTTP_PORT", String.valueOf(httpPort));
    return new MemberProcess(httpPort, builder.start(), output);
  }

  static Map<String, String> env(Map<String, String> base, String... pairs) {
    Map<String, String> env = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  String url(String path) {
    return "http://127.0.0.1:" + httpPort + path;
  }

  /** Waits until readiness answers 200 (the member joined its cluster and serves), or fails with its output. */
  void awaitReady(Duration patience) {
    try {
      awaitReadiness(patience);
    } catch (AssertionError notReady) {
      throw new AssertionError(notReady.getMessage() + ":\n" + output(), notReady);
    }
  }

  private void awaitReadiness(Duration patience) {
    awaitTrue("member on port " + httpPort + " ready", patience, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("member exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url("/health/ready"))).timeout(Duration.ofSeconds(2))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException notYet) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    });
  }

  /** Waits until the member's log contains {@code text}. */
  void awaitLog(String text, Duration patience) {
    awaitTrue("the log of member " + httpPort + " says '" + text + "'", patience, () -> output().contains(text));
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM: a graceful shutdown (drain, hand the data over, leave); returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("member " + httpPort + " still running 60 s after SIGTERM:\n" + output());
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown, no goodbye to the cluster. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("member " + httpPort + " still alive 30 s after SIGKILL");
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(output);
    } catch (IOException | InterruptedException e) {
      // a log left in the temp directory
    }
  }

  static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(50); // polling other processes: there is nothing else to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
