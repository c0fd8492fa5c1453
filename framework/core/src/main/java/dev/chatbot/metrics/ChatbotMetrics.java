package dev.chatbot.metrics;

import dev.chatbot.spi.WebhookOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The one place that knows each metric's name and tags (SPEC §3 {@code /metrics}, docs/operate.md). Gauges read
 * their value from whoever knows it (a supplier given once); until one is given they read {@code NaN} ("not
 * measured"), never a made-up zero.
 */
public final class ChatbotMetrics implements Shareable {

  private final MeterRegistry registry;
  private final ConcurrentMap<String, PlatformCounters> platforms = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> botEvents = new ConcurrentHashMap<>();
  private volatile ToDoubleFunction<String> waiting = platform -> Double.NaN;
  private volatile ToDoubleFunction<String> deadLetters = platform -> Double.NaN;
  private volatile DoubleSupplier clusterMembers = () -> Double.NaN;
  private volatile DoubleSupplier ready = () -> Double.NaN;
  private volatile ToDoubleFunction<String> credentials = platform -> Double.NaN;

  public ChatbotMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void webhook(String platform, WebhookOutcome outcome) {
    counters(platform).webhooks.get(outcome).increment();
  }

  public void received(String platform) {
    counters(platform).received.increment();
  }

  public void sent(String platform) {
    counters(platform).sent.increment();
  }

  /** {@code reason}: a short, bounded word such as {@code permanent}, {@code exhausted}, {@code timeout}. */
  public void sendFailure(String platform, String reason) {
    counters(platform).failure(reason).increment();
  }

  public void sendRetry(String platform) {
    counters(platform).retries.increment();
  }

  /** A reply had more parts than {@code SEND_MAX_PARTS}: the rest was cut. */
  public void replyCut(String platform) {
    counters(platform).cut.increment();
  }

  public void botHandling(String bot, Duration duration) {
    timer(bot).record(duration);
  }

  /**
   * Times one platform call into the histogram {@code chatbot_send_duration_seconds{platform}}: from the call of
   * {@code send} until its future completes, failures included. In delivery:
   * {@code metrics.timeSend(platform, () -> adapter.send(to, part))}.
   */
  public <T> Future<T> timeSend(String platform, Supplier<Future<T>> send) {
    Timer timer = counters(platform).sendDuration;
    long started = System.nanoTime();
    Future<T> sent;
    try {
      sent = send.get();
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    return sent.onComplete(done -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
  }

  /** Gauge {@code chatbot_messages_waiting{platform}}: messages accepted (webhook answered) and not yet handled. */
  public void messagesWaiting(ToDoubleFunction<String> waitingOnPlatform) {
    this.waiting = waitingOnPlatform;
  }

  /** Gauge {@code chatbot_dead_letters{platform}}: replies that finally failed and are kept for the admin API. */
  public void deadLetters(ToDoubleFunction<String> deadLettersOfPlatform) {
    this.deadLetters = deadLettersOfPlatform;
  }

  /** Gauge {@code chatbot_cluster_members}: members this replica sees in its cluster (1 when not clustered). */
  public void clusterMembers(DoubleSupplier members) {
    this.clusterMembers = members;
  }

  /** Gauge {@code chatbot_ready}: 1 while this replica's readiness check passes ({@code /health/ready}), else 0. */
  public void ready(DoubleSupplier up) {
    this.ready = up;
  }

  /**
   * Gauge {@code chatbot_platform_credentials_ok{platform}}: 1 when the platform accepted the adapter's credentials
   * at the last check, 0 when it rejected them, NaN before the first answer or when the adapter has no check.
   */
  public void platformCredentials(ToDoubleFunction<String> okOnPlatform) {
    this.credentials = okOnPlatform;
  }

  /**
   * Counts one event of a bot, {@code chatbot_bot_events_total{bot,event}}: bots reach it through {@link BotMetrics}.
   * {@code event} is a short fixed word ({@code handover}), never a user's value: each distinct one is a series.
   */
  public void botEvent(String bot, String event) {
    String key = bot + '\u0000' + event;
    Counter counter = botEvents.get(key);
    if (counter == null) {
      counter = botEvents.computeIfAbsent(key, k -> Counter.builder("chatbot_bot_events")
          .description("Events a bot counts (handover to a human, order placed...)")
          .tag("bot", bot).tag("event", event).register(registry));
    }
    counter.increment();
  }

  /** Events counted for every bot from the start (at zero), so dashboards can chart them before the first one. */
  public static final List<String> STANDARD_BOT_EVENTS = List.of("handover");

  /** Failure reasons (see {@code Delivery}) registered at zero up front; others still appear when first counted. */
  public static final List<String> KNOWN_FAILURE_REASONS = List.of("permanent", "exhausted", "throttled", "error");

  /**
   * Registers every series of the enabled platforms and bots at zero, so dashboards and alerts (e.g.
   * {@code rate(chatbot_send_failures_total[5m])}) see them before the first message, not "no data".
   */
  public void preRegister(Collection<String> platforms, Collection<String> bots) {
    for (String platform : platforms) {
      KNOWN_FAILURE_REASONS.forEach(counters(platform)::failure);
      gauge("chatbot_messages_waiting", "Messages accepted and not yet handled", platform, () -> waiting);
      gauge("chatbot_dead_letters", "Replies that finally failed, kept until retried or discarded", platform,
          () -> deadLetters);
      gauge("chatbot_platform_credentials_ok", "1 when the platform accepted the credentials at the last check",
          platform, () -> credentials);
    }
    for (String bot : bots) {
      timer(bot);
      for (String event : STANDARD_BOT_EVENTS) {
        botEvents.computeIfAbsent(bot + '\u0000' + event, k -> Counter.builder("chatbot_bot_events")
            .tag("bot", bot).tag("event", event).register(registry));
      }
    }
    Gauge.builder("chatbot_cluster_members", this, metrics -> metrics.clusterMembers.getAsDouble())
        .description("Members this replica sees in its cluster").strongReference(true).register(registry);
    Gauge.builder("chatbot_ready", this, metrics -> metrics.ready.getAsDouble())
        .description("1 while /health/ready passes").strongReference(true).register(registry);
  }

  /** A per-platform gauge reading whichever function {@code source} holds when scraped. */
  private void gauge(String name, String description, String platform,
      Supplier<ToDoubleFunction<String>> source) {
    Gauge.builder(name, this, metrics -> source.get().applyAsDouble(platform))
        .description(description).tag("platform", platform).strongReference(true).register(registry);
  }

  private Timer timer(String bot) {
    return timers.computeIfAbsent(bot, name -> Timer.builder("chatbot_bot_handling")
        .description("Time a bot took to handle one message")
        .tag("bot", name)
        .publishPercentileHistogram()
        .register(registry));
  }

  private PlatformCounters counters(String platform) {
    PlatformCounters counters = platforms.get(platform);
    return counters != null ? counters : platforms.computeIfAbsent(platform, p -> new PlatformCounters(registry, p));
  }

  /** One platform's counters, registered together: counting is then a map look-up, with nothing allocated. */
  private static final class PlatformCounters {
    final Map<WebhookOutcome, Counter> webhooks = new EnumMap<>(WebhookOutcome.class);
    final Counter received;
    final Counter sent;
    final Counter retries;
    final Counter cut;
    final Timer sendDuration;
    private final ConcurrentMap<String, Counter> failures = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final String platform;

    PlatformCounters(MeterRegistry registry, String platform) {
      this.registry = registry;
      this.platform = platform;
      for (WebhookOutcome outcome : WebhookOutcome.values()) {
        webhooks.put(outcome, counter("chatbot_webhook_requests", "outcome", outcome.name()));
      }
      received = counter("chatbot_messages_received");
      sent = counter("chatbot_messages_sent");
      retries = counter("chatbot_send_retries");
      cut = counter("chatbot_reply_parts_cut");
      sendDuration = Timer.builder("chatbot_send_duration")
          .description("Time of one platform call (one attempt), failures included")
          .tag("platform", platform)
          .publishPercentileHistogram()
          .register(registry);
    }

    Counter failure(String reason) {
      Counter counter = failures.get(reason);
      return counter != null ? counter
          : failures.computeIfAbsent(reason, r -> counter("chatbot_send_failures", "reason", r));
    }

    // Prometheus adds the _total suffix to counters.
    private Counter counter(String name, String... tags) {
      return Counter.builder(name).tag("platform", platform).tags(tags).register(registry);
    }
  }
}
