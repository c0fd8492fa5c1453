package dev.chatbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void drainsOnlyWhenTheWebhooksInsideHaveQueuedTheirMessages() {
    Lifecycle lifecycle = new Lifecycle();
    assertThat(lifecycle.enter()).isTrue();

    lifecycle.stopAccepting();

    assertThat(lifecycle.accepting()).isFalse();
    assertThat(lifecycle.enter()).as("no new webhook once stopped").isFalse();
    assertThat(lifecycle.drained().isComplete()).as("one is still queueing").isFalse();
    lifecycle.exit();
    assertThat(lifecycle.drained().succeeded()).isTrue();
  }

  @Test
  void drainsAtOnceWhenNothingIsInside() {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.enter();
    lifecycle.exit();

    lifecycle.stopAccepting();

    assertThat(lifecycle.drained().succeeded()).isTrue();
  }
}
