package dev.chatbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The one place that knows each metric's name and tags (SPEC §3 {@code /metrics}). */
public final class ChatbotMetrics {

  /** Webhook outcomes, the {@code outcome} tag of {@code chatbot_webhook_requests_total}. */
  public enum Outcome { ok, bad_signature, bad_request, duplicate, unavailable }

  private final MeterRegistry registry;
  private final ConcurrentMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  public ChatbotMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void webhook(String platform, Outcome outcome) {
    counter("chatbot_webhook_requests", "platform", platform, "outcome", outcome.name()).increment();
  }

  public void received(String platform) {
    counter("chatbot_messages_received", "platform", platform).increment();
  }

  public void sent(String platform) {
    counter("chatbot_messages_sent", "platform", platform).increment();
  }

  /** {@code reason}: a short, bounded word such as {@code permanent}, {@code exhausted}, {@code timeout}. */
  public void sendFailure(String platform, String reason) {
    counter("chatbot_send_failures", "platform", platform, "reason", reason).increment();
  }

  public void sendRetry(String platform) {
    counter("chatbot_send_retries", "platform", platform).increment();
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
      for (Outcome outcome : Outcome.values()) {
        counter("chatbot_webhook_requests", "platform", platform, "outcome", outcome.name());
      }
      counter("chatbot_messages_received", "platform", platform);
      counter("chatbot_messages_sent", "platform", platform);
      counter("chatbot_send_retries", "platform", platform);
      for (String reason : KNOWN_FAILURE_REASONS) {
        counter("chatbot_send_failures", "platform", platform, "reason", reason);
      }
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

  // Prometheus adds the _total suffix to counters.
  private Counter counter(String name, String... tags) {
    CounterKey key = new CounterKey(name, List.of(tags));
    Counter counter = counters.get(key);
    return counter != null ? counter
        : counters.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry));
  }

  /** Cheaper to build and hash per increment than a joined string. */
  private record CounterKey(String name, List<String> tags) {}
}
