package dev.chatbot.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogSetupTest {

  private static final String PHONE = "15551234567";
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();

  /** A logger context set up by LogSetup, its console appender writing into {@link #written}. */
  private LoggerContext context(LogSetup.Format format) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    LogSetup.apply(context, format);
    ((OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT")).setOutputStream(written);
    return context;
  }

  private List<String> lines() {
    return written.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static void logFailedSend(LoggerContext context) {
    context.getLogger("dev.chatbot.delivery.Delivery").warn(
        "send failed platform={} conversation={} reason={} error=\"{}\"", "whatsapp", "whatsapp:" + PHONE,
        "permanent", "(#131030) Recipient phone number " + PHONE + " not in allowed list");
  }

  @Test
  void textLinesAreInfoAndAboveWithChattyLibrariesQuieter() {
    LoggerContext context = context(LogSetup.Format.text);
    context.getLogger("dev.chatbot.server.ChatbotServer").info("ready port={}", 8080);
    context.getLogger("dev.chatbot.server.ChatbotServer").debug("not shown");

    assertThat(lines()).singleElement().asString().matches("\\d{4}-\\d\\d-\\d\\d [\\d:.]+ INFO  ChatbotServer ready port=8080");
    assertThat(context.getLogger("io.netty.channel.Foo").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("dev.chatbot.server.ChatbotServer").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void aModuleMakesItsOwnChattyLibraryQuieter() {
    LoggerContext context = context(LogSetup.Format.text);

    LogSetup.quieter(context, "org.example.engine");
    context.getLogger("org.example.engine.Node").info("joined, members=3");
    context.getLogger("org.example.engine.Node").warn("member left");

    assertThat(lines()).singleElement().asString().endsWith("WARN  Node member left");
  }

  @Test
  void jsonWritesOneParseableObjectPerLine() throws Exception {
    LoggerContext context = context(LogSetup.Format.json);
    Logger logger = context.getLogger("dev.chatbot.server.ChatbotServer");
    logger.info("ready port={} bots={}", 8080, "shoe-shop");
    MDC.put("request_id", "r-42");
    try {
      logger.error("request failed path={} note=\"quotes \\\" and\nnewlines\"", "/x", new IllegalStateException("boom"));
    } finally {
      MDC.remove("request_id");
    }

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode ready = json.readTree(lines.get(0));
    assertThat(ready.get("level").asText()).isEqualTo("INFO");
    assertThat(ready.get("loggerName").asText()).isEqualTo("dev.chatbot.server.ChatbotServer");
    assertThat(ready.get("formattedMessage").asText()).isEqualTo("ready port=8080 bots=shoe-shop");
    assertThat(ready.get("timestamp").asLong()).isPositive();
    JsonNode failed = json.readTree(lines.get(1));
    assertThat(failed.get("level").asText()).isEqualTo("ERROR");
    assertThat(failed.get("formattedMessage").asText()).contains("newlines");
    assertThat(failed.get("mdc").get("request_id").asText()).isEqualTo("r-42");
    assertThat(failed.get("throwable").get("message").asText()).isEqualTo("boom");
  }

  @Test
  void aPhoneNumberInAWarningIsHashedInTheTextFormat() {
    logFailedSend(context(LogSetup.Format.text));

    String line = lines().get(0);
    assertThat(line).doesNotContain(PHONE)
        .contains("conversation=" + LogPrivacy.hash("whatsapp:" + PHONE))
        .contains("Recipient phone number " + LogPrivacy.hash(PHONE) + " not in allowed list")
        .contains("platform=whatsapp conversation=").contains(" reason=permanent");
  }

  @Test
  void aPhoneNumberInAWarningIsHashedInTheJsonFormat() throws Exception {
    logFailedSend(context(LogSetup.Format.json));

    String line = lines().get(0);
    assertThat(line).doesNotContain(PHONE);
    assertThat(new ObjectMapper().readTree(line).get("formattedMessage").asText())
        .contains("conversation=" + LogPrivacy.hash("whatsapp:" + PHONE));
  }

  @Test
  void identitiesInTheDiagnosticContextAreHashedToo() throws Exception {
    LoggerContext context = context(LogSetup.Format.json);
    MDC.put("user", "U0123ABCD");
    try {
      context.getLogger("x").warn("slow");
    } finally {
      MDC.remove("user");
    }
    assertThat(new ObjectMapper().readTree(lines().get(0)).get("mdc").get("user").asText())
        .isEqualTo(LogPrivacy.hash("U0123ABCD"));
  }

  @Test
  void aFloodOfIdenticalErrorsIsCutAndOtherErrorsStillPass() {
    LoggerContext context = context(LogSetup.Format.text);
    Logger logger = context.getLogger("io.vertx.core.net.impl.ConnectionBase");
    for (int i = 0; i < 300; i++) {
      logger.error("Connection reset", new java.io.IOException("Connection reset by peer"));
    }
    logger.error("Too many open files");

    List<String> errors = lines().stream().filter(line -> line.contains(" ERROR ")).toList();
    assertThat(errors.stream().filter(line -> line.endsWith("Connection reset"))).hasSize(5);
    assertThat(errors).last().asString().endsWith("Too many open files");
    // Stack traces of the 5 that passed, nothing of the 295 cut.
    assertThat(lines().stream().filter(line -> line.contains("Connection reset by peer"))).hasSize(5);
  }

  @Test
  void anUnknownFormatIsAnErrorNamingTheVariable() {
    assertThatThrownBy(() -> LogSetup.format(Settings.of(Map.of("LOG_FORMAT", "xml"))))
        .isInstanceOf(ConfigException.class).hasMessage("LOG_FORMAT must be 'text' or 'json', got 'xml'");
    assertThat(LogSetup.format(Settings.of(Map.of("LOG_FORMAT", "JSON")))).isEqualTo(LogSetup.Format.json);
    assertThat(LogSetup.format(Settings.of(Map.of()))).isEqualTo(LogSetup.Format.text);
  }

  @Test
  void stepsAsideForALogbackFileOfOneOwn() {
    LoggerContext context = new LoggerContext();
    // Tests have a logback-test.xml on the class path, which must win like -Dlogback.configurationFile does.
    assertThat(new LogSetup().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT")).isNull();
  }

  @Test
  void isRegisteredForLogbackToFind() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes()).trim()).isEqualTo(LogSetup.class.getName());
    }
  }
}
