package dev.chatbot.metrics;

import io.vertx.core.Vertx;
import java.util.regex.Pattern;

/**
 * What a bot counts for the dashboards, without depending on Micrometer: one line in the bot,
 *
 * <pre>{@code
 * BotMetrics.of(vertx, name()).count("handover");   // chatbot_bot_events_total{bot="shoe-shop",event="handover"}
 * }</pre>
 *
 * Outside a server (a bot's unit test without one) counting does nothing. Event names are short fixed words
 * ({@code [a-z0-9_]}, at most 40): each distinct one becomes a series, so never put a user's value in one.
 */
public final class BotMetrics {

  private static final String MAP = "chatbot.metrics";
  private static final Pattern EVENT = Pattern.compile("[a-z0-9_]{1,40}");

  private final ChatbotMetrics metrics;
  private final String bot;

  private BotMetrics(ChatbotMetrics metrics, String bot) {
    this.metrics = metrics;
    this.bot = bot;
  }

  /** The counters of {@code bot} in the server running on {@code vertx}. */
  public static BotMetrics of(Vertx vertx, String bot) {
    ChatbotMetrics metrics = vertx.sharedData().<String, ChatbotMetrics>getLocalMap(MAP).get("metrics");
    return new BotMetrics(metrics, bot);
  }

  /** Called by the server before it deploys bots. */
  public static void register(Vertx vertx, ChatbotMetrics metrics) {
    vertx.sharedData().<String, ChatbotMetrics>getLocalMap(MAP).put("metrics", metrics);
  }

  /** Adds one to {@code chatbot_bot_events_total{bot,event}}. */
  public void count(String event) {
    if (!EVENT.matcher(event).matches()) {
      throw new IllegalArgumentException("a bot event is a short fixed word of [a-z0-9_], got '" + event + "'");
    }
    if (metrics != null) {
      metrics.botEvent(bot, event);
    }
  }
}
