package dev.chatbot.adapters.telegram;

import dev.chatbot.spi.Signatures;
import dev.chatbot.spi.WebhookVerifier;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * Telegram signs nothing: {@code setWebhook} takes a {@code secret_token} and Telegram sends it back in
 * {@code X-Telegram-Bot-Api-Secret-Token} with every update. Compared in constant time, so a guess learns nothing
 * from how long the refusal took.
 */
final class TelegramVerifier implements WebhookVerifier {

  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final String secret;

  TelegramVerifier(String secret) {
    this.secret = secret;
  }

  @Override
  public boolean verify(MultiMap headers, Buffer rawBody) {
    return Signatures.constantTimeEquals(secret, headers.get(SECRET_HEADER));
  }
}
