package dev.chatbot.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A platform stub's WireMock server on {@code 127.0.0.1} (a free port) that can forget what it received without
 * taking a late request for a new one. WireMock tells its listener about a request only once it has matched it, so a
 * request that arrived just before a {@link #reset} (a retry of a process being killed) could be recorded after it,
 * and be taken for the next request; here each request is noted with the reset generation it arrived in, and only
 * those of the current one are {@link #current}. The stubs made with {@link #stubDefault} stay through a reset, so a
 * request is never answered 404 mid-reset.
 */
public final class StubRequests {

  private final WireMockServer server;
  private final Set<UUID> defaults = ConcurrentHashMap.newKeySet();
  private final Map<Request, Integer> arrivals = Collections.synchronizedMap(new IdentityHashMap<>());
  private volatile int generation;
  /** When the stub last received a request ({@link System#nanoTime}). */
  private volatile long lastArrival = System.nanoTime();

  public StubRequests() {
    this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Arrivals()));
  }

  public WireMockServer server() {
    return server;
  }

  /** For the server's request listener: true when {@code request} arrived since the last reset (record it). */
  public boolean current(Request request) {
    Integer arrivedIn = arrivals.remove(request);
    return arrivedIn != null && arrivedIn == generation;
  }

  /** A stub that every reset keeps: what the platform answers unless a test says otherwise. */
  public void stubDefault(MappingBuilder mapping) {
    defaults.add(server.stubFor(mapping).getId());
  }

  /**
   * Back to the default stubs, and nothing received is current any more. First waits until no request has arrived
   * for 100 ms (at most 2 s), so that bytes a killed process left in flight land before the reset.
   */
  public void reset() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() - lastArrival < TimeUnit.MILLISECONDS.toNanos(100) && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    generation++;
    for (StubMapping mapping : server.getStubMappings()) {
      if (!defaults.contains(mapping.getId())) {
        server.removeStub(mapping);
      }
    }
    server.resetRequests();
    server.resetScenarios();
  }

  /** Notes each request's generation as it arrives, before WireMock matches it. */
  private final class Arrivals implements StubRequestFilterV2 {
    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      lastArrival = System.nanoTime();
      arrivals.put(request, generation);
      return RequestFilterAction.continueWith(request);
    }

    @Override
    public String getName() {
      return "stub-request-generations";
    }
  }
}
