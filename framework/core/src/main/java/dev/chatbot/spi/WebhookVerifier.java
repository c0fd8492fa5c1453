package dev.chatbot.spi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** Checks that a webhook really comes from the platform, on the raw bytes, before anything parses them. */
@FunctionalInterface
public interface WebhookVerifier {
  boolean verify(MultiMap headers, Buffer rawBody);
}
