package dev.chatbot.tracing;

import io.vertx.core.spi.VertxTracerFactory;
import java.util.List;
import java.util.Map;

/**
 * Whether the standard OpenTelemetry variables ask for traces: {@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} or {@code OTEL_TRACES_EXPORTER} set (and {@code OTEL_SDK_DISABLED} not
 * {@code true}, {@code OTEL_TRACES_EXPORTER} not {@code none}). Off, nothing of the OpenTelemetry SDK is loaded:
 * this class names none of its types.
 */
public final class Tracing {

  static final List<String> SWITCHES =
      List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_TRACES_EXPORTER");

  private Tracing() {}

  /** The OpenTelemetry tracer factory for Vert.x when {@code environment} asks for traces, else null. */
  public static VertxTracerFactory factory(Map<String, String> environment) {
    return on(environment) ? OpenTelemetrySetup.tracerFactory(environment) : null;
  }

  static boolean on(Map<String, String> environment) {
    if ("true".equalsIgnoreCase(value(environment, "OTEL_SDK_DISABLED"))
        || "none".equalsIgnoreCase(value(environment, "OTEL_TRACES_EXPORTER"))) {
      return false;
    }
    return SWITCHES.stream().anyMatch(name -> !value(environment, name).isEmpty());
  }

  private static String value(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null ? "" : value.trim();
  }
}
