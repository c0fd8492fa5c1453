package dev.chatbot.spi;

import dev.chatbot.model.Message;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Turns a verified webhook body into the user messages it carries (possibly none: delivery receipts, echoes).
 * Throws {@link BadRequestException} (or Vert.x's {@code DecodeException}) when the body is not what the platform
 * sends.
 */
@FunctionalInterface
public interface WebhookParser {
  List<Message> parse(MultiMap headers, Buffer rawBody);
}
