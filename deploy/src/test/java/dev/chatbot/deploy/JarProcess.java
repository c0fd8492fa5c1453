package dev.chatbot.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real fat jar run as a separate process, as a user runs it: for tests of startup, exit codes and signals. */
final class JarProcess implements AutoCloseable {

  static final Path JAR = Path.of("target", "chatbot.jar");

  private final Process process;
  private final Path output;

  private JarProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static JarProcess start(Map<String, String> env, String... args) throws IOException {
    return start(List.of(), env, args);
  }

  /** With JVM options such as {@code -Xmx256m} before {@code -jar}. */
  static JarProcess start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: these tests run after `mvn package` (failsafe, *IT)");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("chatbot-jar", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("MESSENGER_") || name.startsWith("WHATSAPP_")
        || name.startsWith("SLACK_") || name.startsWith("TELEGRAM_") || name.startsWith("HTTP_") || name.equals("BOT")
        || name.equals("BOT_PATH") || name.equals("STATE_STORE") || name.equals("DATA_DIR"));
    // The default store keeps its files in DATA_DIR: never in the working directory of the build.
    builder.environment().put("DATA_DIR", Files.createTempDirectory("chatbot-data").toString());
    builder.environment().putAll(env);
    return new JarProcess(builder.start(), output);
  }

  /** Waits until {@code url} answers 200, or fails with the process output. */
  void awaitReady(String url) throws Exception {
    awaitReady(url, Duration.ofSeconds(30));
  }

  /** {@link #awaitReady(String)} with a longer wait: for tests that start the jar several times on a busy machine. */
  void awaitReady(String url, Duration patience) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the jar exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(50); // polling a separate process: there is nothing to await but the port
    }
    throw new AssertionError("not ready after " + patience.toSeconds() + " s:\n" + output());
  }

  /** SIGTERM, then the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not exit within 60 s:\n" + output());
    }
    return process.exitValue();
  }

  /** The output once it holds every one of {@code parts} (log lines are written after the port opens). */
  String awaitOutput(String... parts) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    String output = output();
    while (!java.util.Arrays.stream(parts).allMatch(output::contains) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      output = output();
    }
    return output;
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
