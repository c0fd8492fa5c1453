package dev.chatbot.tracing;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** {@code OTEL_TRACES_EXPORTER=memory}: the SDK's in-memory exporter, found by autoconfigure like any exporter. */
public final class MemoryExporterProvider implements ConfigurableSpanExporterProvider {

  public static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return SPANS;
  }

  @Override
  public String getName() {
    return "memory";
  }
}
