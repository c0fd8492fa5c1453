package dev.chatbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The one place that knows each metric's name and tags (SPEC §3 {@code /metrics}). */
public final class ChatbotMetrics {

  /** Webhook outcomes, the {@code outcome} tag of {@code chatbot_webhook_requests_total}. */
  public enum Outcome { ok, bad_signature, bad_request, duplicate, unavailable }

  private final MeterRegistry registry;
  private final ConcurrentMap<String, PlatformCounters> platforms = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  public ChatbotMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void webhook(String platform, Outcome outcome) {
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

  /** The gauge {@code chatbot_dead_letters{platform}}: how many dead letters each platform has now. */
  public void deadLetters(Collection<String> platforms, java.util.function.ToDoubleFunction<String> count) {
    for (String platform : platforms) {
      io.micrometer.core.instrument.Gauge.builder("chatbot_dead_letters", () -> count.applyAsDouble(platform))
          .description("Replies that finally failed and wait for an operator (GET /api/v1/dead-letters)")
          .tag("platform", platform)
          .register(registry);
    }
  }

  public void botHandling(String bot, Duration duration) {
    timer(bot).record(duration);
  }

  /** Failure reasons (see {@code Delivery}) registered at zero up front; others still appear when first counted. */
  public static final List<String> KNOWN_FAILURE_REASONS = List.of("permanent", "exhausted", "throttled", "error");

  /**
   * Registers every series of the enabled platforms and bots at zero, so dashboards and alerts (e.g.
   * {@code rate(chatbot_send_failures_total[5m])}) see them before the first message, not "no data".
   */
  public void preRegister(Collection<String> platforms, Collection<String> bots) {
    for (String platform : platforms) {
      KNOWN_FAILURE_REASONS.forEach(counters(platform)::failure);
    }
    bots.forEach(this::timer);
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
    final Map<Outcome, Counter> webhooks = new EnumMap<>(Outcome.class);
    final Counter received;
    final Counter sent;
    final Counter retries;
    final Counter cut;
    private final ConcurrentMap<String, Counter> failures = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final String platform;

    PlatformCounters(MeterRegistry registry, String platform) {
      this.registry = registry;
      this.platform = platform;
      for (Outcome outcome : Outcome.values()) {
        webhooks.put(outcome, counter("chatbot_webhook_requests", "outcome", outcome.name()));
      }
      received = counter("chatbot_messages_received");
      sent = counter("chatbot_messages_sent");
      retries = counter("chatbot_send_retries");
      cut = counter("chatbot_reply_parts_cut");
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
