package dev.chatbot.deploy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The server's logging, set up in code: Logback's XML configuration costs about a fifth of the startup time (Joran,
 * a SAX parser and some 500 classes) for a dozen lines. Found by Logback through {@code META-INF/services}. A file
 * named with {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml} on the class path (tests), still
 * wins: this steps aside and Logback reads that file as usual.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} %msg%n";

  /** Libraries that are chatty at INFO. */
  private static final Map<String, Level> QUIETER = Map.of(
      "io.netty", Level.WARN,
      // vertx-micrometer registers its event bus gauge once per Vert.x instance and Micrometer warns on the second.
      "io.micrometer.core.instrument.MeterRegistry", Level.ERROR,
      "com.hazelcast", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The setup itself: stdout, one line per event, INFO, chatty libraries quieter. */
  static void apply(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
    out.setContext(context);
    out.setName("OUT");
    out.setEncoder(encoder);
    out.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(out);
    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }
}
