package dev.chatbot.tracing;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenTelemetry SDK configured the standard way (autoconfigure: exporter, endpoint, sampler, resource from
 * {@code OTEL_*}), plugged into Vert.x through vertx-opentelemetry: spans for every HTTP request served (webhooks),
 * every HTTP call made (platform sends and their retries, with W3C {@code traceparent}) and the event bus hops
 * between them, all in the trace of the webhook that started them. Metrics and logs stay with Prometheus and
 * stdout unless {@code OTEL_METRICS_EXPORTER} / {@code OTEL_LOGS_EXPORTER} say otherwise.
 */
final class OpenTelemetrySetup {

  private OpenTelemetrySetup() {}

  static VertxTracerFactory tracerFactory(Map<String, String> environment) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.service.name", "chatbot");
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    // The server's own environment map (tests and embedders pass one): OTEL_FOO_BAR is otel.foo.bar.
    environment.forEach((name, value) -> {
      if (name.startsWith("OTEL_")) {
        defaults.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> defaults)
        .build()
        .getOpenTelemetrySdk();
    OpenTelemetryTracingFactory openTelemetry = new OpenTelemetryTracingFactory(sdk);
    return new VertxTracerFactory() {
      @Override
      public VertxTracer<?, ?> tracer(TracingOptions options) {
        return new AsyncWorkTracer(openTelemetry.tracer(options));
      }
    };
  }
}
