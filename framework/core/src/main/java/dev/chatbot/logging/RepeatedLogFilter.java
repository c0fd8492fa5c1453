package dev.chatbot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Marker;

/**
 * Cuts floods of identical WARN and ERROR lines (same logger, message and arguments, same exception): the first
 * {@code burst} of them in a window pass, the rest are dropped and counted, and the first one of the next window is
 * preceded by {@code log line repeated suppressed=N ...}. Unlike Logback's {@code DuplicateMessageFilter}, which
 * silences a message for good after a few repetitions, a recurring error keeps showing up once per window.
 * Lower levels pass untouched (they are off in production, and checking them would cost every log call).
 */
public final class RepeatedLogFilter extends TurboFilter {

  private static final String SUMMARY = "log line repeated suppressed={} window_s={} logger={} message=\"{}\"";

  private int burst = 5;
  private long windowMillis = 60_000;
  private int maxTracked = 1024;
  private final Map<String, Window> windows = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
      return size() > maxTracked;
    }
  };

  public void setBurst(int burst) {
    this.burst = burst;
  }

  public void setWindowMillis(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || level.levelInt < Level.WARN_INT || format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())
        || format == SUMMARY) {
      return FilterReply.NEUTRAL;
    }
    String key = logger.getName() + '\u0000' + format + '\u0000' + Arrays.toString(params) + '\u0000' + t;
    long now = System.currentTimeMillis();
    long suppressed;
    synchronized (windows) {
      Window window = windows.get(key);
      if (window != null && now - window.start < windowMillis) {
        if (++window.count <= burst) {
          return FilterReply.NEUTRAL;
        }
        window.suppressed++;
        return FilterReply.DENY;
      }
      suppressed = window == null ? 0 : window.suppressed;
      windows.put(key, new Window(now));
    }
    if (suppressed > 0) {
      logger.warn(SUMMARY, suppressed, windowMillis / 1000, logger.getName(), format);
    }
    return FilterReply.NEUTRAL;
  }

  private static final class Window {
    final long start;
    int count = 1;
    long suppressed;

    Window(long start) {
      this.start = start;
    }
  }
}
