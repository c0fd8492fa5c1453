package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LogSetupTest {

  @Test
  void logsInfoLinesToStdoutWithChattyLibrariesQuieter() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("OUT")).isInstanceOfSatisfying(ConsoleAppender.class, out -> {
      assertThat(out.isStarted()).isTrue();
      assertThat(((PatternLayoutEncoder) out.getEncoder()).getPattern()).isEqualTo(LogSetup.PATTERN);
    });
    assertThat(context.getLogger("io.netty").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.netty.channel.Foo").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("dev.chatbot.server.ChatbotServer").getEffectiveLevel()).isEqualTo(Level.INFO);
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
