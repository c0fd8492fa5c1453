package dev.chatbot.server;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning about something a client can make happen many times a second (shed load, refused connections): written
 * at most once per interval, so an attack shows in the log as one line a minute with a running count, not a flood.
 */
final class RateLimitedLog {

  private final Logger log;
  private final long intervalMillis;
  private final AtomicLong nextAllowed = new AtomicLong();

  RateLimitedLog(Logger log, long intervalMillis) {
    this.log = log;
    this.intervalMillis = intervalMillis;
  }

  void warn(String format, Object... arguments) {
    long now = System.currentTimeMillis();
    long allowed = nextAllowed.get();
    if (now >= allowed && nextAllowed.compareAndSet(allowed, now + intervalMillis)) {
      log.warn(format, arguments);
    }
  }
}
