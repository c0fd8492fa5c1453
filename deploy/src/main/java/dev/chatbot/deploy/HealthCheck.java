package dev.chatbot.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The container's {@code HEALTHCHECK}: {@code java -cp chatbot.jar dev.chatbot.deploy.HealthCheck} exits 0 when
 * {@code /health/live} of the server in this container answers 200. Written in Java so the runtime image needs no
 * curl or wget; it follows {@code HTTP_PORT} and, with {@code TLS_CERT_PATH} set, speaks HTTPS to itself.
 */
public final class HealthCheck {

  static final String PATH = "/health/live";

  private HealthCheck() {}

  public static void main(String[] args) {
    System.exit(check(System.getenv()) ? 0 : 1);
  }

  /** The URL this container's server answers on, from the same variables the server reads. */
  static URI url(Map<String, String> env) {
    String port = env.getOrDefault("HTTP_PORT", "").isBlank() ? "8080" : env.get("HTTP_PORT").trim();
    boolean tls = !env.getOrDefault("TLS_CERT_PATH", "").isBlank();
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + PATH);
  }

  static boolean check(Map<String, String> env) {
    try {
      // The certificate names the public host, not 127.0.0.1: this loopback self-check does not verify it.
      System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
      HttpClient client = HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .sslContext(trustingLoopback())
          .build();
      HttpResponse<Void> response = client.send(
          HttpRequest.newBuilder(url(env)).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (Exception e) {
      System.err.println("health check failed: " + e);
      return false;
    }
  }

  private static SSLContext trustingLoopback() throws Exception {
    TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    return context;
  }
}
