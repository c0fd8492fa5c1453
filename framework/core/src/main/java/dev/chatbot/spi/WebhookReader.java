package dev.chatbot.spi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A {@link WebhookParser} that also decides the answer: for platforms whose webhooks need more than "200, messages
 * accepted". Throws like a parser when the body is not what the platform sends.
 */
@FunctionalInterface
public interface WebhookReader {
  WebhookResult read(MultiMap headers, Buffer rawBody);
}
