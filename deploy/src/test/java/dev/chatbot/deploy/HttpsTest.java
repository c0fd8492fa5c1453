package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import dev.chatbot.deploy.TestCertificates.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS of SPEC §2: with TLS_CERT_PATH and TLS_KEY_PATH the one port speaks TLS with HTTP/2 (ALPN) and HTTP/1.1, a
 * renewed certificate is served without a restart, and a bad certificate stops startup naming the variable.
 */
class HttpsTest {

  private static Vertx vertx;

  @TempDir
  Path dir;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().await();
  }

  @Test
  void speaksHttp2AndHttp11OverTlsAndPicksUpARenewedCertificate() throws Exception {
    Path cert = dir.resolve("tls.crt");
    Path key = dir.resolve("tls.key");
    TestCertificates.write("first.chatbot.test", KeyType.EC, cert, key);

    try (TestServer server = TestServer.start(Map.of("BOT", "echo",
        "TLS_CERT_PATH", cert.toString(), "TLS_KEY_PATH", key.toString(), "TLS_RELOAD_SECONDS", "1"))) {
      assertThat(server.url("/")).startsWith("https://");

      Answer h2 = get(server.port(), HttpVersion.HTTP_2, "/health/live");
      assertThat(h2.status()).isEqualTo(200);
      assertThat(h2.version()).isEqualTo(HttpVersion.HTTP_2);
      assertThat(h2.subject()).contains("CN=first.chatbot.test");

      Answer h11 = get(server.port(), HttpVersion.HTTP_1_1, "/health/ready");
      assertThat(h11.status()).isEqualTo(200);
      assertThat(h11.version()).isEqualTo(HttpVersion.HTTP_1_1);

      // cert-manager style renewal: new files at the same paths
      TestCertificates.write("second.chatbot.test", KeyType.RSA, cert, key);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      Answer renewed = get(server.port(), HttpVersion.HTTP_2, "/health/live");
      while (!renewed.subject().contains("CN=second.chatbot.test") && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        renewed = get(server.port(), HttpVersion.HTTP_2, "/health/live");
      }
      assertThat(renewed.subject()).contains("CN=second.chatbot.test");
      assertThat(renewed.version()).isEqualTo(HttpVersion.HTTP_2);
      assertThat(get(server.port(), HttpVersion.HTTP_1_1, "/health/live").subject()).contains("CN=second.chatbot.test");
    }
  }

  @Test
  void anUnreadableCertificateStopsStartupNamingTheVariable() throws IOException {
    Path key = dir.resolve("tls.key");
    TestCertificates.write("x.chatbot.test", KeyType.EC, dir.resolve("tls.crt"), key);

    Throwable missing = TestServer.startFailure(Map.of("BOT", "echo",
        "TLS_CERT_PATH", dir.resolve("missing.crt").toString(), "TLS_KEY_PATH", key.toString()));
    assertThat(missing.getMessage()).startsWith("TLS_CERT_PATH").contains("missing.crt").doesNotContain("\n");

    Path garbage = Files.writeString(dir.resolve("garbage.crt"), "not a certificate\n");
    assertThat(TestServer.startFailure(Map.of("BOT", "echo",
        "TLS_CERT_PATH", garbage.toString(), "TLS_KEY_PATH", key.toString())).getMessage())
        .startsWith("TLS_CERT_PATH").contains("garbage.crt");

    assertThat(TestServer.startFailure(Map.of("BOT", "echo",
        "TLS_CERT_PATH", dir.resolve("tls.crt").toString(), "TLS_KEY_PATH", garbage.toString())).getMessage())
        .startsWith("TLS_KEY_PATH").contains("garbage.crt");

    assertThat(TestServer.startFailure(Map.of("BOT", "echo", "TLS_CERT_PATH", dir.resolve("tls.crt").toString()))
        .getMessage()).contains("TLS_KEY_PATH");
  }

  @Test
  void aKeyThatDoesNotBelongToTheCertificateStopsStartup() throws IOException {
    Path cert = dir.resolve("a.crt");
    TestCertificates.write("a.chatbot.test", KeyType.EC, cert, dir.resolve("a.key"));
    Path otherKey = dir.resolve("b.key");
    TestCertificates.write("b.chatbot.test", KeyType.EC, dir.resolve("b.crt"), otherKey);

    Throwable failure = TestServer.startFailure(Map.of("BOT", "echo",
        "TLS_CERT_PATH", cert.toString(), "TLS_KEY_PATH", otherKey.toString()));
    assertThat(failure.getMessage()).startsWith("TLS_KEY_PATH").contains("TLS_CERT_PATH", "not the private key");
  }

  private record Answer(int status, HttpVersion version, String subject) {}

  /** One request on a fresh connection (so each sees the certificate the server has now). */
  private static Answer get(int port, HttpVersion version, String path) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions()
        .setSsl(true).setTrustAll(true).setVerifyHost(false)
        .setUseAlpn(version == HttpVersion.HTTP_2).setProtocolVersion(version));
    try {
      return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(path))
          .compose(request -> request.send().compose(response -> response.body().map(body -> {
            X509Certificate peer;
            try {
              peer = (X509Certificate) request.connection().peerCertificates().get(0);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return new Answer(response.statusCode(), response.version(), peer.getSubjectX500Principal().getName());
          })))
          .await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("HTTPS request failed: " + e, e);
    } finally {
      client.close().await();
    }
  }
}
