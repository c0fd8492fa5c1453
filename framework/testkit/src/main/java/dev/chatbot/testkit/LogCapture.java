package dev.chatbot.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger writes, for the few tests whose subject is a log line (an error that must be logged, a
 * secret that must not be). Await a line instead of sleeping.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of(GraphClient.class)) {
 *   ...
 *   String line = log.await(text -> text.contains("status=400"));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();
  private final List<String> withStackTrace = new ArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      String line = event.getLevel() + " " + event.getFormattedMessage();
      synchronized (all) {
        all.add(line);
        if (event.getThrowableProxy() != null) {
          withStackTrace.add(line);
        }
      }
      lines.add(line);
    }
  };

  private LogCapture(Logger logger) {
    this.logger = logger;
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  public static LogCapture of(Class<?> type) {
    return new LogCapture((Logger) LoggerFactory.getLogger(type));
  }

  public static LogCapture of(String loggerName) {
    return new LogCapture((Logger) LoggerFactory.getLogger(loggerName));
  }

  /** The next line matching {@code test} ({@code LEVEL message}); fails after 10 seconds. */
  public String await(Predicate<String> test) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("no matching log line within 10 s; captured: " + lines());
        }
        if (test.test(line)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Everything captured so far. */
  public List<String> lines() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /** The lines captured so far that carried an exception (so a stack trace in the log). */
  public List<String> linesWithStackTrace() {
    synchronized (all) {
      return List.copyOf(withStackTrace);
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
