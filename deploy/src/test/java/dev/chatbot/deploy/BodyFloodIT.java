package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's memory flood against the fat jar at a 256 MB heap: 600 connections at a time post ~1 MiB bodies with a
 * bad signature (which used to kill such a JVM with an OutOfMemoryError within seconds). The server must stay up,
 * stay ready, and keep taking correctly signed webhooks, shedding what does not fit with 503.
 */
class BodyFloodIT {

  private static final int CONCURRENT = 600;
  private static final int TOTAL = 1_200;
  private static final byte[] BODY = ("{\"object\":\"page\",\"pad\":\"" + "x".repeat(1_000_000) + "\"}").getBytes();

  @Test
  void aFloodOfLargeUnsignedBodiesNeitherKillsNorStallsTheServer() throws Exception {
    int port = TestServer.freePort();
    Path gcLog = Files.createTempFile("chatbot-flood-gc", ".log");
    try (GraphApiStub graph = GraphApiStub.start();
         JarProcess jar = JarProcess.start(List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog),
             graph.messengerEnv("BOT", "echo", "HTTP_HOST", "127.0.0.1", "HTTP_PORT", String.valueOf(port)))) {
      String base = "http://127.0.0.1:" + port;
      jar.awaitReady(base + "/health/ready");
      MetaWebhooks signed = new MetaWebhooks(base + "/webhooks/messenger", GraphApiStub.MESSENGER_APP_SECRET);

      ConcurrentMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();
      CompletableFuture<Void> flood = flood(base + "/webhooks/messenger", outcomes);
      int readyChecks = 0;
      int signedAttempts = 0;
      int signedAccepted = 0;
      while (!flood.isDone()) {
        HttpResponse<String> ready = Http.get(base + "/health/ready");
        assertThat(ready.statusCode()).as("ready during the flood: %s", ready.body()).isEqualTo(200);
        readyChecks++;
        // Meta retries a webhook that was not answered 200 (shed, or not even connected while the accept queue is
        // full of flood connections); so does this loop.
        signedAttempts++;
        try {
          HttpResponse<String> webhook = signed.post(MetaWebhooks.messengerText("4711", "during " + signedAttempts));
          assertThat(webhook.statusCode()).as("signed webhook during the flood").isIn(200, 503);
          if (webhook.statusCode() == 200) {
            signedAccepted++;
          }
        } catch (AssertionError notConnected) {
          assertThat(notConnected).hasMessageContaining("could not reach the server");
        }
      }
      flood.join();

      assertThat(jar.output()).doesNotContain("OutOfMemoryError");
      assertThat(outcomes.getOrDefault("401", new LongAdder()).sum()).as("outcomes %s", outcomes).isPositive();
      assertThat(signedAccepted).as("signed webhooks taken during the flood, of %s", signedAttempts).isPositive();
      signed.deliver(MetaWebhooks.messengerText("4711", "after the flood"));
      // The echoes of the webhooks taken during the flood come first (some twice: a send retried under load).
      while (!"after the flood".equals(graph.awaitMessengerSend().getJsonObject("message").getString("text"))) {
        continue;
      }
      System.out.printf("flood: -Xmx256m, %d concurrent x %d bytes, %d requests: outcomes %s; ready checks %d (all 200);"
              + " signed webhooks %d of %d taken during the flood; peak heap after a collection %s MB%n",
          CONCURRENT, BODY.length, TOTAL, outcomes, readyChecks, signedAccepted, signedAttempts, peakHeapAfterGc(gcLog));
    }
  }

  /** {@link #TOTAL} bad-signature posts, {@link #CONCURRENT} in flight at a time, each on its own connection. */
  private static CompletableFuture<Void> flood(String url, ConcurrentMap<String, LongAdder> outcomes) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    Semaphore inFlight = new Semaphore(CONCURRENT);
    AtomicInteger started = new AtomicInteger();
    return CompletableFuture.runAsync(() -> {
      List<CompletableFuture<Void>> all = new ArrayList<>();
      while (started.getAndIncrement() < TOTAL) {
        inFlight.acquireUninterruptibly();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
            .header("content-type", "application/json")
            .header(MetaWebhooks.SIGNATURE_HEADER, "sha256=" + "0".repeat(64))
            .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
        all.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
          String outcome = failure != null ? (failure.getCause() instanceof IOException ? "closed" : "failed")
              : String.valueOf(response.statusCode());
          outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
          inFlight.release();
          return null;
        }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    });
  }

  private static String peakHeapAfterGc(Path gcLog) throws IOException {
    // Heap left after each collection (young, mixed or full), not the bookkeeping pauses (remark, cleanup).
    Matcher after = Pattern.compile("Pause (?:Young|Full)[^\\n]*?(\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
    int peak = -1;
    while (after.find()) {
      peak = Math.max(peak, Integer.parseInt(after.group(2)));
    }
    return peak < 0 ? "unknown" : String.valueOf(peak);
  }
}
