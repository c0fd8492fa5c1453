package dev.chatbot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.vertx.core.Vertx;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Puts the {@link RequestIds request id} of the Vert.x context a line is logged from into the MDC as
 * {@code request_id}, just before Logback builds the event: an event loop serves many requests in turn, so the id is
 * looked up per line rather than kept in the thread's MDC. Only lines that will be written pay for it. In a
 * {@code logback.xml} of one's own: {@code <turboFilter class="dev.chatbot.logging.RequestIdMdc"/>}.
 */
public final class RequestIdMdc extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())
        || Vertx.currentContext() == null) { // off Vert.x threads the MDC is the caller's own
      return FilterReply.NEUTRAL;
    }
    String id = RequestIds.current();
    if (id != null) {
      MDC.put(RequestIds.MDC_KEY, id);
    } else if (MDC.get(RequestIds.MDC_KEY) != null) {
      MDC.remove(RequestIds.MDC_KEY);
    }
    return FilterReply.NEUTRAL;
  }
}
