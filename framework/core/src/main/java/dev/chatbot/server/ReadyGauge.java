package dev.chatbot.server;

import dev.chatbot.metrics.ChatbotMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code chatbot_ready}: the readiness checks run every 5 s and the gauge shows the last outcome, so an alert sees a
 * replica that stays unready (a scrape cannot wait for the asynchronous checks).
 */
final class ReadyGauge {

  static final long PERIOD_MILLIS = 5_000;

  private ReadyGauge() {}

  static void watch(Vertx vertx, HealthChecks readiness, ChatbotMetrics metrics) {
    AtomicBoolean up = new AtomicBoolean();
    metrics.ready(() -> up.get() ? 1 : 0);
    vertx.setPeriodic(PERIOD_MILLIS / 5, PERIOD_MILLIS, tick -> readiness.checkStatus()
        .onComplete(outcome -> up.set(outcome.succeeded() && outcome.result().getUp())));
  }
}
