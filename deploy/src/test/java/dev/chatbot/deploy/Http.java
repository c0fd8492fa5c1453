package dev.chatbot.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Plain HTTP/1.1 calls for tests, with a bounded poll for answers that settle asynchronously. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private Http() {}

  static HttpResponse<String> get(String url, String... headers) {
    return send(builder(url, headers).GET().build());
  }

  static HttpResponse<String> post(String url, String body, String... headers) {
    return send(builder(url, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** GETs {@code url} until {@code done} holds for the answer, for at most {@code timeout}. */
  static HttpResponse<String> getUntil(String url, Predicate<HttpResponse<String>> done, Duration timeout,
      String... headers) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> response = get(url, headers);
    while (!done.test(response) && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
      response = get(url, headers);
    }
    return response;
  }

  private static HttpRequest.Builder builder(String url, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("could not reach " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
