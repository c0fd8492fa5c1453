package dev.chatbot.spi;

import dev.chatbot.model.Message;
import java.util.List;

/**
 * What one verified webhook request carries and how the platform wants it answered: the messages for the bot, the
 * body of the {@code 200} (Meta expects any text, Slack an empty body or the URL-verification challenge), and work
 * that may start only once the {@code 200} is out (WhatsApp's read receipts).
 */
public record WebhookResult(List<Message> messages, String contentType, String body, Runnable afterAck) {

  static final String DEFAULT_BODY = "EVENT_RECEIVED";

  public WebhookResult {
    messages = List.copyOf(messages);
  }

  /** The messages, answered with the default {@code 200 EVENT_RECEIVED}. */
  public static WebhookResult of(List<Message> messages) {
    return new WebhookResult(messages, "text/plain", DEFAULT_BODY, null);
  }

  /** No message, only an answer (a handshake such as Slack's {@code url_verification}). */
  public static WebhookResult answer(String contentType, String body) {
    return new WebhookResult(List.of(), contentType, body, null);
  }

  /** The same messages with another {@code 200} body ({@code ""} for none). */
  public WebhookResult answering(String contentType, String body) {
    return new WebhookResult(messages, contentType, body, afterAck);
  }

  /** Runs {@code work} once the platform got its {@code 200} (not after a 4xx or a 503). */
  public WebhookResult then(Runnable work) {
    return new WebhookResult(messages, contentType, body, work);
  }
}
