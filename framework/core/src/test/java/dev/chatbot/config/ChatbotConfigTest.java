package dev.chatbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatbotConfigTest {

  @Test
  void oneEventLoopPerCoreUnlessSet() {
    assertThat(ChatbotConfig.from(Settings.of(Map.of())).eventLoops())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(ChatbotConfig.from(Settings.of(Map.of("EVENT_LOOPS", "3"))).eventLoops()).isEqualTo(3);
  }

  @Test
  void aBadEventLoopCountIsRefusedByName() {
    assertThatThrownBy(() -> ChatbotConfig.from(Settings.of(Map.of("EVENT_LOOPS", "0"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("EVENT_LOOPS");
    assertThatThrownBy(() -> ChatbotConfig.from(Settings.of(Map.of("EVENT_LOOPS", "many"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("EVENT_LOOPS");
  }
}
