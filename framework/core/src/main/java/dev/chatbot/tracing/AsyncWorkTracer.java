package dev.chatbot.tracing;

import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.tracing.opentelemetry.Operation;
import io.vertx.tracing.opentelemetry.VertxContextStorageProvider.VertxContextStorage;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * vertx-opentelemetry ends a request's span and detaches it from the request's Vert.x context when the response is
 * sent. A webhook is answered at once and handled afterwards (dispatcher, bot, platform sends), so after the response
 * the span is attached again: the work that follows on that context stays in the webhook's trace, as children of its
 * (ended) span. Everything else is vertx-opentelemetry's.
 */
final class AsyncWorkTracer implements VertxTracer<Object, Object> {

  private final VertxTracer<Object, Object> delegate;

  @SuppressWarnings("unchecked")
  AsyncWorkTracer(VertxTracer<?, ?> delegate) {
    this.delegate = (VertxTracer<Object, Object>) delegate;
  }

  @Override
  public <R> void sendResponse(Context context, R response, Object payload, Throwable failure,
      TagExtractor<R> tagExtractor) {
    delegate.sendResponse(context, response, payload, failure, tagExtractor);
    if (payload instanceof Operation operation && context instanceof ContextInternal internal && internal.isDuplicate()) {
      // Left attached: the duplicated context is the request's own and is dropped with it.
      VertxContextStorage.INSTANCE.attach(internal, operation.span().storeInContext(io.opentelemetry.context.Context.root()));
    }
  }

  @Override
  public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
      Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
    return delegate.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
  }

  @Override
  public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
      BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
    return delegate.sendRequest(context, kind, policy, request, operation, headers, tagExtractor);
  }

  @Override
  public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure,
      TagExtractor<R> tagExtractor) {
    delegate.receiveResponse(context, response, payload, failure, tagExtractor);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
