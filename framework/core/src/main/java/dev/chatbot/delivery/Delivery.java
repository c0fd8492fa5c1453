package dev.chatbot.delivery;

import dev.chatbot.concurrent.Timeouts;
import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.ReplyFitter;
import dev.chatbot.spi.SendFailure;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.DeadLetters;
import dev.chatbot.state.Outbox;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.FailurePolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound delivery, shared by every adapter: fits a reply to the platform, then sends the parts in order. Each part
 * waits for its platform's rate limit, each attempt has a timeout, and failures worth retrying (connection errors,
 * timeouts, 5xx, 429) are retried with exponential backoff and full jitter, never sooner than {@code Retry-After}.
 * A permanent failure (a 4xx that cannot succeed) is not retried: it is logged once and counted.
 *
 * <p>Each platform call is its own step: a reply that takes two calls (an image and its caption) is retried call by
 * call, and every accepted call is recorded in the {@link Outbox}, so neither a retry nor a restart posts an
 * accepted call again. A reply that finally fails becomes a {@link DeadLetter}, never a silent drop.
 *
 * <p>The retry machinery is vertx-circuit-breaker's, one breaker per platform, used as a retry engine only. Two
 * things its 5.0 implementation does that matter here: it retries every failed attempt whatever the
 * {@link FailurePolicy} says (that policy only decides what counts towards opening), and once open it fails every
 * call at once. So a permanent failure is handed to the breaker as a <em>successful</em> attempt carrying the
 * failure (nothing to retry), and the breaker never counts a failure, so it never opens: one bad recipient or a
 * platform hiccup must not fail fast the replies of every other conversation.
 */
public final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
  /** Sent instead of the parts beyond {@code SEND_MAX_PARTS}. */
  public static final String CUT_NOTE = "(This reply was too long: the rest of it was not sent.)";

  private final Map<String, PlatformAdapter> adapters;
  private final ChatbotMetrics metrics;
  private final DeliverySettings settings;
  private final SendLimits limits;
  private final Outbox outbox;
  private final DeadLetters deadLetters;
  private final Map<String, CircuitBreaker> retries = new HashMap<>();
  private final Pending pending = new Pending();

  /** A reply handed over: {@code kept} once it would survive a crash, {@code delivered} once the platform took it. */
  public record Submitted(Future<Void> kept, Future<Void> delivered) {}

  public Delivery(Vertx vertx, Map<String, PlatformAdapter> adapters, ChatbotMetrics metrics,
      DeliverySettings settings, Outbox outbox, DeadLetters deadLetters) {
    this(vertx, adapters, metrics, settings, outbox, deadLetters, () -> 1.0);
  }

  /** {@code sendShare}: this process's part of each platform's send budget (see {@link StateBackend#sendShare}). */
  public Delivery(Vertx vertx, Map<String, PlatformAdapter> adapters, ChatbotMetrics metrics,
      DeliverySettings settings, Outbox outbox, DeadLetters deadLetters, java.util.function.DoubleSupplier sendShare) {
    this.adapters = Map.copyOf(adapters);
    this.metrics = metrics;
    this.settings = settings;
    this.outbox = outbox;
    this.deadLetters = deadLetters;
    this.limits = new SendLimits(vertx, settings.rates(), sendShare);
    for (String platform : this.adapters.keySet()) {
      CircuitBreakerOptions options = new CircuitBreakerOptions()
          .setMaxRetries(settings.maxAttempts() - 1)
          .setTimeout(-1) // the attempt's own timeout, after the rate-limit wait: see attempt()
          .setMaxFailures(Integer.MAX_VALUE)
          .setFallbackOnFailure(false)
          // No notifications: they keep a rolling window and a latency histogram under a lock on every call and
          // publish them every 2 s, for a dashboard this product does not use (its meters are Micrometer's).
          .setNotificationAddress(null);
      retries.put(platform, CircuitBreaker.create("chatbot-send-" + platform, vertx, options)
          .retryPolicy(new SendRetryPolicy(platform, metrics, settings))
          .failurePolicy(outcome -> false));
    }
  }

  /**
   * Completes when the platform has accepted every part of {@code reply} (after retries); fails with the last
   * failure when a part finally failed (the reply is then a dead letter, and its later parts are not sent: they
   * would not make sense alone).
   */
  public Future<Void> deliver(ConversationRef to, Reply reply) {
    return submit(to, reply, Outbox.Origin.NONE).delivered();
  }

  /** {@link #deliver}, recording where the reply came from (a bot's turn after a crash skips what it recorded). */
  public Future<Void> deliver(ConversationRef to, Reply reply, Outbox.Origin origin) {
    return submit(to, reply, origin).delivered();
  }

  /** Keeps {@code reply} in the outbox and sends it: for a caller that answers only once it is kept (admin 202). */
  public Submitted submit(ConversationRef to, Reply reply, Outbox.Origin origin) {
    return submit(to, reply, origin, 0);
  }

  private Submitted submit(ConversationRef to, Reply reply, Outbox.Origin origin, int callsDone) {
    PlatformAdapter adapter = adapters.get(to.platform());
    if (adapter == null) {
      Future<Void> refused = Future.failedFuture(
          new IllegalArgumentException("platform " + to.platform() + " is not enabled"));
      return new Submitted(refused, refused);
    }
    Outbox.Added added = outbox.add(to, reply, origin);
    if (callsDone > 0) {
      outbox.progress(added.id(), callsDone);
    }
    return new Submitted(added.written(), send(adapter, new Outbox.Entry(added.id(), to, reply, origin, callsDone)));
  }

  /**
   * After a restart: sends the replies the outbox kept, each conversation's in their order, and returns per
   * conversation key when its last one is done (delivered or dead), so its next message waits for them.
   */
  public Map<String, Future<Void>> resume(List<Outbox.Entry> entries) {
    Map<String, Future<Void>> chains = new LinkedHashMap<>();
    for (Outbox.Entry entry : entries) {
      PlatformAdapter adapter = adapters.get(entry.to().platform());
      if (adapter == null) {
        // Its adapter is off in this run: keep the reply rather than guess.
        LOG.warn("pending reply kept platform={} reason=adapter_off", entry.to().platform());
        continue;
      }
      Future<Void> previous = chains.getOrDefault(entry.to().key(), Future.succeededFuture());
      chains.put(entry.to().key(), previous.transform(done -> send(adapter, entry)).otherwiseEmpty());
    }
    if (!chains.isEmpty()) {
      LOG.info("pending replies resumed replies={} conversations={}", entries.size(), chains.size());
    }
    return chains;
  }

  /** Sends a dead letter again (from after the calls it had done): it leaves the dead letters first. */
  public Future<Void> retry(DeadLetter letter) {
    return deadLetters.remove(letter.id()).compose(removed ->
        submit(letter.to(), letter.reply(), Outbox.Origin.NONE, letter.callsDone()).kept());
  }

  /** Sends in progress (including retries waiting for their timer): graceful shutdown waits for them. */
  public int inFlight() {
    return pending.count();
  }

  /** Completes when no send is in progress. */
  public Future<Void> idle() {
    return pending.idle();
  }

  public DeliverySettings settings() {
    return settings;
  }

  /** The platform calls of one reply, in order: one per call of each fitted part. */
  private record Step(Reply part, int call, boolean lastOfPart) {}

  private List<Step> steps(PlatformAdapter adapter, Reply reply) {
    List<Reply> parts = ReplyFitter.fit(reply, adapter.capabilities());
    if (parts.size() > settings.maxParts()) {
      metrics.replyCut(adapter.platform());
      LOG.warn("reply cut platform={} parts={} max_parts={}", adapter.platform(), parts.size(), settings.maxParts());
      List<Reply> kept = new ArrayList<>(parts.subList(0, settings.maxParts() - 1));
      kept.add(Reply.text(CUT_NOTE));
      parts = kept;
    }
    List<Step> steps = new ArrayList<>(parts.size());
    for (Reply part : parts) {
      int calls = Math.max(1, adapter.calls(part));
      for (int call = 0; call < calls; call++) {
        steps.add(new Step(part, call, call == calls - 1));
      }
    }
    return steps;
  }

  private Future<Void> send(PlatformAdapter adapter, Outbox.Entry entry) {
    pending.start();
    List<Step> steps;
    try {
      steps = steps(adapter, entry.reply());
    } catch (RuntimeException e) {
      pending.finish();
      return finalFailure(adapter, entry, entry.callsDone(), e, "error");
    }
    Future<Void> chain = Future.succeededFuture();
    for (int i = entry.callsDone(); i < steps.size(); i++) {
      Step step = steps.get(i);
      int done = i + 1;
      boolean last = done == steps.size();
      chain = chain.compose(previous -> sendWithRetries(adapter, entry, step, done - 1)
          .onSuccess(sent -> {
            if (last) {
              outbox.sent(entry.id());
            } else {
              outbox.progress(entry.id(), done);
            }
          }));
    }
    if (entry.callsDone() >= steps.size()) {
      outbox.sent(entry.id());
    }
    return chain.onComplete(finished -> pending.finish());
  }

  private Future<Void> sendWithRetries(PlatformAdapter adapter, Outbox.Entry entry, Step step, int callsDone) {
    String platform = adapter.platform();
    ConversationRef to = entry.to();
    return retries.get(platform).<Throwable>execute(() -> attempt(adapter, to, step))
        .transform(result -> {
          if (result.succeeded() && result.result() == null) {
            if (step.lastOfPart()) {
              metrics.sent(platform);
            }
            return Future.<Void>succeededFuture();
          }
          Throwable failure = result.succeeded() ? result.result() : result.cause();
          String reason = result.succeeded() ? reasonOfFinal(failure) : "exhausted";
          return finalFailure(adapter, entry, callsDone, failure, reason);
        });
  }

  /** The one log line of a failed send, with the platform's own error message; the reply becomes a dead letter. */
  private Future<Void> finalFailure(PlatformAdapter adapter, Outbox.Entry entry, int callsDone, Throwable failure,
      String reason) {
    String platform = adapter.platform();
    metrics.sendFailure(platform, reason);
    DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), entry.to(), entry.reply(),
        SendFailures.platformError(failure), Instant.now(), callsDone);
    LOG.warn("send failed platform={} conversation={} reply={} reason={} attempts={} dead_letter={} error=\"{}\"",
        platform, entry.to().key(), entry.reply().getClass().getSimpleName(), reason,
        "exhausted".equals(reason) ? settings.maxAttempts() : "final", letter.id(), SendFailures.describe(failure));
    return outbox.dead(entry.id(), letter).transform(kept -> Future.<Void>failedFuture(failure));
  }

  /**
   * One attempt: wait for the rate limit, then one call bounded by the timeout. Fails (so the breaker retries) only
   * when another attempt may succeed; otherwise succeeds with the final failure, or with null when delivered.
   */
  private Future<Throwable> attempt(PlatformAdapter adapter, ConversationRef to, Step step) {
    Future<Void> sent = limits.acquire(to)
        .compose(slot -> {
          try {
            return metrics.timeSend(adapter.platform(), () -> adapter.send(to, step.part(), step.call()));
          } catch (RuntimeException e) {
            return Future.failedFuture(e);
          }
        });
    return Timeouts.within(sent, settings.timeoutMillis())
        .<Throwable>map(done -> null)
        .recover(failure -> worthRetrying(failure) ? Future.failedFuture(failure) : Future.succeededFuture(failure));
  }

  private boolean worthRetrying(Throwable failure) {
    if (!SendFailures.retryable(failure)) {
      return false;
    }
    Duration retryAfter = SendFailures.retryAfter(failure);
    return retryAfter == null || retryAfter.toMillis() <= settings.retryAfterMaxMillis();
  }

  private static String reasonOfFinal(Throwable failure) {
    // Retryable but final here means the platform asked to wait longer than SEND_RETRY_AFTER_MAX_SECONDS.
    return SendFailures.retryable(failure) ? "throttled" : failure instanceof SendFailure ? "permanent" : "error";
  }
}
