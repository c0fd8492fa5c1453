package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.chatbot.server.ChatbotServer;
import dev.chatbot.testkit.LogCapture;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server against clients that misbehave on purpose (issue 14): silent and slow connections are closed,
 * one address cannot take every connection, unauthenticated bodies cannot take the heap, and a client that hangs up
 * mid-upload is no error. Each attack is made by hand over a raw socket against the whole server.
 */
class HttpLimitsTest {

  private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);
  private static final String WEBHOOK_HEAD = "POST /webhooks/messenger HTTP/1.1\r\nHost: localhost\r\n"
      + "Content-Type: application/json\r\n";

  private static GraphApiStub graph;
  private static TestServer server;

  @BeforeAll
  static void start() {
    graph = GraphApiStub.start();
    Map<String, String> env = new HashMap<>(graph.messengerEnv("BOT", "echo"));
    env.put("HTTP_HEADER_TIMEOUT_SECONDS", "1");
    env.put("HTTP_BODY_TIMEOUT_SECONDS", "1");
    env.put("HTTP_IDLE_TIMEOUT_SECONDS", "30");
    env.put("HTTP_BODY_BUDGET_MB", "1");
    server = TestServer.start(env);
  }

  @AfterAll
  static void stop() {
    server.close();
    graph.close();
  }

  @Test
  void aConnectionThatNeverSendsARequestIsClosed() {
    try (RawConnection silent = RawConnection.open(server.port())) {
      assertThat(silent.closedWithin(CLOSE_WITHIN)).isTrue();
    }
  }

  @Test
  void headersDribbledSlowerThanTheHeaderTimeoutAreCutOff() {
    try (RawConnection slowloris = RawConnection.open(server.port())) {
      slowloris.write(WEBHOOK_HEAD);
      assertThat(dribbleUntilClosed(slowloris, i -> "X-Slow-" + i + ": 1\r\n"))
          .as("closed while the headers were still coming").isTrue();
    }
  }

  @Test
  void aBodyDribbledSlowerThanTheBodyTimeoutIsCutOff() {
    try (RawConnection slow = RawConnection.open(server.port())) {
      slow.write(WEBHOOK_HEAD + "Content-Length: 100000\r\n\r\n{\"object\":");
      assertThat(dribbleUntilClosed(slow, i -> " ")).as("closed while the body was still coming").isTrue();
    }
  }

  @Test
  void aKeepAliveConnectionServesRequestsAndThenOwesTheNextHeadersInTime() {
    try (RawConnection client = RawConnection.open(server.port())) {
      for (int i = 0; i < 3; i++) {
        client.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(client.status(CLOSE_WITHIN)).isEqualTo(200);
      }
      assertThat(client.closedWithin(CLOSE_WITHIN)).as("idle after its last response").isTrue();
    }
  }

  @Test
  void bodiesOverTheBudgetAreShedWith503UntilTheBufferedOnesEnd() {
    MetaWebhooks signed = MetaWebhooks.messenger(server);
    String bigText = "x".repeat(200_000);
    // 900 kB announced and partly sent: most of the 1 MiB budget is reserved while it uploads. The body timeout
    // (1 s here) closes a holder that never finishes, which frees its reservation: on a slow box the shed request
    // may come after that, so each try has a fresh holder.
    long deadline = System.nanoTime() + CLOSE_WITHIN.toNanos();
    HttpResponse<String> shed;
    RawConnection holder = null;
    try {
      do {
        if (holder != null) {
          holder.close();
        }
        holder = RawConnection.open(server.port());
        holder.write(WEBHOOK_HEAD + "Content-Length: 900000\r\nX-Hub-Signature-256: sha256=00\r\n\r\n{\"object\":\"");
        // Once the server has read the holder's headers (a moment after they were sent), a large body no longer fits.
        shed = Http.post(server.url("/webhooks/messenger"), "{\"pad\":\"" + bigText + "\"}",
            "content-type", "application/json");
      } while (shed.statusCode() == 401 && System.nanoTime() < deadline);
      assertThat(shed.statusCode()).isEqualTo(503);
      assertThat(shed.headers().firstValue("retry-after")).contains("1");
      assertThat(shed.body()).contains("server busy");
      // A small signed webhook still fits in what is left.
      signed.deliver(MetaWebhooks.messengerText("4711", "small"));
      graph.awaitMessengerSend();
    } finally {
      if (holder != null) {
        holder.reset();
      }
    }
    // Once the hung-up upload is gone its reservation is back: the large signed one is taken.
    HttpResponse<String> large = awaitAccepted(signed, MetaWebhooks.messengerText("4711", bigText));
    assertThat(large.statusCode()).isEqualTo(200);
  }

  @Test
  void aClientThatHangsUpMidUploadIsLoggedOnceQuietly() {
    Logger serverLog = (Logger) LoggerFactory.getLogger(ChatbotServer.class);
    Level before = serverLog.getLevel();
    serverLog.setLevel(Level.DEBUG);
    try (LogCapture everything = LogCapture.of(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
      int aborts = 5;
      for (int i = 0; i < aborts; i++) {
        RawConnection uploader = RawConnection.open(server.port());
        uploader.write(WEBHOOK_HEAD + "Content-Length: 500000\r\nX-Hub-Signature-256: sha256=00\r\n\r\n{\"object\":\"");
        uploader.write("y".repeat(50_000));
        uploader.reset();
        everything.await(line -> line.startsWith("DEBUG client went away path=/webhooks/messenger"));
      }
      assertThat(everything.lines()).filteredOn(line -> line.contains("client went away")).hasSize(aborts);
      // Other tests' replies may still be finishing (a long echo is cut with a WARN): only this test's lines count.
      assertThat(everything.lines()).filteredOn(line -> !line.contains("reply cut"))
          .noneMatch(line -> line.startsWith("ERROR") || line.startsWith("WARN"));
      assertThat(everything.linesWithStackTrace()).isEmpty();
    } finally {
      serverLog.setLevel(before);
    }
  }

  @Test
  void connectionsOverTheCapsAreClosedWhileAnotherAddressStillGetsItsHealthCheck() {
    try (TestServer capped = TestServer.start(Map.of("BOT", "echo",
        "HTTP_MAX_CONNECTIONS", "8", "HTTP_MAX_CONNECTIONS_PER_ADDRESS", "5"))) {
      List<RawConnection> held = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          held.add(answering(RawConnection.open("127.0.0.1", capped.port())));
        }
        try (RawConnection sixth = RawConnection.open("127.0.0.1", capped.port())) {
          assertThat(sixth.closedWithin(CLOSE_WITHIN)).as("over the per-address cap").isTrue();
        }
        // The kubelet probes from its own address: it still gets in.
        held.add(answering(RawConnection.open("127.0.0.2", capped.port())));
        held.add(answering(RawConnection.open("127.0.0.3", capped.port())));
        held.add(answering(RawConnection.open("127.0.0.3", capped.port())));
        try (RawConnection ninth = RawConnection.open("127.0.0.4", capped.port())) {
          assertThat(ninth.closedWithin(CLOSE_WITHIN)).as("over the global cap").isTrue();
        }
        held.remove(0).close();
        assertThat(Http.getUntil(capped.url("/health/live"), response -> response.statusCode() == 200, CLOSE_WITHIN)
            .statusCode()).as("a freed slot is usable again").isEqualTo(200);
      } finally {
        held.forEach(RawConnection::close);
      }
    }
  }

  /** {@code connection} after it got an answer to a health check (so it was admitted), kept open. */
  private static RawConnection answering(RawConnection connection) {
    connection.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(connection.status(CLOSE_WITHIN)).isEqualTo(200);
    return connection;
  }

  /** Writes a piece every 200 ms until the server closes; false if it is still open after 50 pieces (10 s). */
  private static boolean dribbleUntilClosed(RawConnection connection, java.util.function.IntFunction<String> piece) {
    for (int i = 0; i < 50; i++) {
      if (!connection.write(piece.apply(i)) || connection.closedWithin(Duration.ofMillis(200))) {
        return true;
      }
    }
    return false;
  }

  /** The reservation comes back when the server has seen the reset, a moment after it: poll for it. */
  private static HttpResponse<String> awaitAccepted(MetaWebhooks signed, io.vertx.core.json.JsonObject body) {
    long deadline = System.nanoTime() + CLOSE_WITHIN.toNanos();
    List<Integer> seen = new ArrayList<>();
    while (true) {
      HttpResponse<String> response = signed.post(body);
      seen.add(response.statusCode());
      if (response.statusCode() != 503 || System.nanoTime() > deadline) {
        assertThat(response.statusCode()).as("statuses seen %s", seen).isEqualTo(200);
        return response;
      }
    }
  }
}
