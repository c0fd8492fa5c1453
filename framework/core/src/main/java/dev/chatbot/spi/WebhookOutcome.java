package dev.chatbot.spi;

/**
 * What became of one webhook request (or one message on a live channel such as a WebSocket): the {@code outcome} tag
 * of {@code chatbot_webhook_requests_total}. The standard handler ({@link AdapterContext#webhook}) counts its own; an
 * adapter with a channel of its own counts with {@link AdapterContext#countWebhook}.
 */
public enum WebhookOutcome {
  /** Accepted: the messages are queued for the bot. */
  ok,
  /** The signature or secret did not match: nothing processed. */
  bad_signature,
  /** The body could not be read: nothing processed. */
  bad_request,
  /** A redelivery of messages already accepted: acknowledged, not processed again. */
  duplicate,
  /** Refused while the server shuts down. */
  unavailable
}
