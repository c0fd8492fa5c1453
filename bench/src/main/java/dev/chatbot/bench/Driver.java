package dev.chatbot.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayDeque;

/**
 * A closed-loop sender on one event loop: keeps {@code slots} messages in flight, each to a different user; a slot
 * sends its next message once the previous one is both acknowledged (HTTP 200) and answered (reply at the stub), or
 * given up. Users wait in a FIFO, so a user is reused only after every other free user (late extra replies of a
 * multi-part answer cannot be mistaken for the next message's reply).
 */
final class Driver extends VerticleBase implements Correlator.Done {

  private final int id;
  private final Workload workload;
  private final Correlator correlator;
  private final int slots;
  private final ArrayDeque<Integer> freeUsers = new ArrayDeque<>();
  private final String host;
  private final int port;
  private final String runId;
  private final int timeoutMillis;
  private final Promise<Void> drained = Promise.promise();
  private HttpClientAgent client;
  private boolean running;
  private int inFlight;
  private long seq;
  private long timer;

  Driver(int id, Workload workload, Correlator correlator, int slots, Iterable<Integer> users, String host, int port,
      String runId, int timeoutMillis) {
    this.id = id;
    this.workload = workload;
    this.correlator = correlator;
    this.slots = slots;
    users.forEach(freeUsers::addLast);
    this.host = host;
    this.port = port;
    this.runId = runId;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(Math.max(1, slots)));
    running = true;
    for (int i = 0; i < slots; i++) {
      sendNext();
    }
    timer = vertx.setPeriodic(250, t -> correlator.expire(timeoutMillis * 1_000_000L));
    return Future.succeededFuture();
  }

  private void sendNext() {
    Integer user = freeUsers.pollFirst();
    if (!running || user == null) {
      if (user != null) {
        freeUsers.addFirst(user);
      }
      return;
    }
    long n = ++seq;
    String token = workload.echo ? "tk" + runId + "d" + id + "n" + n + "e" : "";
    Workload.Signed signed = workload.build(user, runId + "_" + id + "_" + n, token);
    Correlator.Pending pending =
        new Correlator.Pending(workload.recipient(user), user, token, System.nanoTime(), this);
    correlator.register(pending);
    inFlight++;
    client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
            .setURI(signed.path()).setHeaders(signed.headers()).setIdleTimeout(timeoutMillis))
        .compose(request -> request.send(signed.body()))
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(
            status -> correlator.acked(pending, status, System.nanoTime()),
            failure -> correlator.ackFailed(pending));
  }

  @Override
  public void finished(Correlator.Pending pending) {
    context.runOnContext(v -> {
      inFlight--;
      freeUsers.addLast(pending.user);
      if (running && pending.failed()) {
        // The system refused or is gone: do not spin, try this slot again a little later.
        inFlight++;
        vertx.setTimer(50, t -> {
          inFlight--;
          if (running) {
            sendNext();
          } else if (inFlight == 0) {
            drained.tryComplete();
          }
        });
      } else if (running) {
        sendNext();
      } else if (inFlight == 0) {
        drained.tryComplete();
      }
    });
  }

  /** Stops sending; completes when every message in flight is finished (answered or given up). */
  Future<Void> stopSending() {
    context.runOnContext(v -> {
      running = false;
      if (inFlight == 0) {
        drained.tryComplete();
      }
    });
    return drained.future();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return client == null ? Future.succeededFuture() : client.close();
  }
}
