package dev.chatbot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The server's logging, set up in code: Logback's XML configuration costs about a fifth of the startup time (Joran,
 * a SAX parser and some 500 classes) for a dozen lines. Found by Logback through {@code META-INF/services}, so it
 * applies to the jar and to applications that use the core as a library alike. A file named with
 * {@code -Dlogback.configurationFile=...}, or a {@code logback.xml} / {@code logback-test.xml} on the class path, still
 * wins: this steps aside and Logback reads that file as usual (use {@link PrivateEncoder} and
 * {@link RepeatedLogFilter} there to keep their guarantees).
 *
 * <p>What it sets up: stdout, one line per event ({@code LOG_FORMAT=text}) or one JSON object per line
 * ({@code json}, Logback's {@code JsonEncoder}), INFO, user identities hashed at INFO and above, floods of identical
 * errors cut, the request id of each line in its MDC ({@link RequestIds}), chatty libraries quieter.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  /** {@code LOG_FORMAT}. */
  public enum Format { text, json }

  /** The text format; {@code %mdc} adds the request id and other diagnostic context as {@code key=value}. */
  static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} %msg%mdc%n";

  /** Libraries that are chatty at INFO. */
  private static final Map<String, Level> QUIETER = Map.of(
      "io.netty", Level.WARN,
      // vertx-micrometer registers its event bus gauge once per Vert.x instance and Micrometer warns on the second.
      "io.micrometer.core.instrument.MeterRegistry", Level.ERROR);

  /** The format this class set up, or null when a file of one's own configured Logback. */
  private static volatile Format applied;

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ClassLoader loader = LogSetup.class.getClassLoader();
    if (System.getProperty("logback.configurationFile") != null
        || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Format format;
    try {
      format = format(Settings.of(System.getenv()));
    } catch (ConfigException e) {
      format = Format.text; // the server refuses to start with this value once it reads its settings: see use()
    }
    apply(context, format);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Applies {@code LOG_FORMAT} from the server's settings (a config file may set it too), once they are read. A value
   * other than {@code text} or {@code json} is a {@link ConfigException} naming the variable. Does nothing to a
   * logging set up from a file of one's own. Returns {@code settings}, to sit in a chain.
   */
  public static Settings use(Settings settings) {
    Format format = format(settings);
    if (applied != null && applied != format && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      apply(context, format);
    }
    return settings;
  }

  /**
   * Makes a module's chatty library log warnings and errors only, as the core does its own (a state backend's cluster
   * engine, which the core does not know). Does nothing to a logging set up from a file of one's own.
   */
  public static void quieter(String loggerName) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      quieter(context, loggerName);
    }
  }

  static void quieter(LoggerContext context, String loggerName) {
    if (applied != null) {
      context.getLogger(loggerName).setLevel(Level.WARN);
    }
  }

  static Format format(Settings settings) {
    String value = settings.get("LOG_FORMAT", "text");
    try {
      return Format.valueOf(value.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("LOG_FORMAT must be 'text' or 'json', got '" + value + "'");
    }
  }

  /** The setup itself; applying it again swaps the format. */
  static synchronized void apply(LoggerContext context, Format format) {
    ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
    out.setContext(context);
    out.setName("OUT");
    PrivateEncoder encoder = new PrivateEncoder(format == Format.json ? json(context) : text(context));
    encoder.setContext(context);
    encoder.start();
    out.setEncoder(encoder);
    out.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(Level.INFO);
    root.addAppender(out);
    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    if (context.getTurboFilterList().isEmpty()) {
      for (TurboFilter filter : List.of(new RequestIdMdc(), new RepeatedLogFilter())) {
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
      }
    }
    applied = format;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("mdc", MdcPairsConverter::new);
    layout.setPattern(PATTERN);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    return encoder;
  }

  /** One object per line: timestamp (epoch ms), level, threadName, loggerName, mdc, formattedMessage, throwable. */
  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    return encoder;
  }
}
