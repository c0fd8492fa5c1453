package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fat jar as a user runs it: --help, a bad setting, a normal start and a SIGTERM. */
class JarStartupIT {

  @Test
  void helpListsOptionsAndVariables() throws Exception {
    try (JarProcess jar = JarProcess.start(Map.of(), "--help")) {
      assertThat(jar.awaitExit()).isZero();
      assertThat(jar.output()).contains("--config FILE", "HTTP_PORT", "MESSENGER_APP_SECRET", "SLACK_SIGNING_SECRET",
          "WHATSAPP_PHONE_NUMBER_ID", "STATE_STORE", "PUBLIC_BASE_URL");
    }
  }

  @Test
  void badPortStopsStartupWithOneLineNamingIt() throws Exception {
    try (JarProcess jar = JarProcess.start(Map.of("HTTP_PORT", "abc", "BOT", "echo"))) {
      assertThat(jar.awaitExit()).isNotZero();
      assertThat(jar.output().strip()).isEqualTo("error: HTTP_PORT must be a whole number, got 'abc'");
    }
  }

  @Test
  void startsServesAndExitsZeroOnSigterm() throws Exception {
    int port = TestServer.freePort();
    try (JarProcess jar = JarProcess.start(Map.of("HTTP_PORT", String.valueOf(port), "BOT", "echo"))) {
      jar.awaitReady("http://127.0.0.1:" + port + "/health/ready");
      assertThat(jar.output()).contains("adapter=webchat state=on", "bot=echo deployed", "ready url=");
      // The fat jar carries Netty's epoll library; NIO would be a silent fallback (a missing or unloadable library).
      if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
        assertThat(jar.output()).contains("transport=native");
      }
      assertThat(jar.terminate()).isZero();
      assertThat(jar.output()).contains("shutdown complete");
    }
  }
}
