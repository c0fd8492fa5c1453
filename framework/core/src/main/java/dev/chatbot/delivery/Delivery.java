package dev.chatbot.delivery;

import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound delivery, shared by every adapter: fits a reply to the platform, then sends the parts in order, each
 * with a timeout, counting what was sent and what failed.
 */
public final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final Vertx vertx;
  private final Map<String, PlatformAdapter> adapters;
  private final ChatbotMetrics metrics;
  private final long timeoutMillis;

  public Delivery(Vertx vertx, Map<String, PlatformAdapter> adapters, ChatbotMetrics metrics, long timeoutMillis) {
    this.vertx = vertx;
    this.adapters = Map.copyOf(adapters);
    this.metrics = metrics;
    this.timeoutMillis = timeoutMillis;
  }

  /** Completes when the platform has accepted every part of {@code reply}; fails when a part finally failed. */
  public Future<Void> deliver(ConversationRef to, Reply reply) {
    PlatformAdapter adapter = adapters.get(to.platform());
    if (adapter == null) {
      return Future.failedFuture(new IllegalArgumentException("platform " + to.platform() + " is not enabled"));
    }
    Future<Void> chain = Future.succeededFuture();
    for (Reply part : ReplyFitter.fit(reply, adapter.capabilities())) {
      chain = chain.compose(previous -> sendOne(adapter, to, part));
    }
    return chain;
  }

  private Future<Void> sendOne(PlatformAdapter adapter, ConversationRef to, Reply part) {
    String platform = adapter.platform();
    return adapter.send(to, part)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onSuccess(sent -> metrics.sent(platform))
        .onFailure(failure -> {
          String reason = failure instanceof SendFailure sendFailure && !sendFailure.retryable() ? "permanent" : "failed";
          metrics.sendFailure(platform, reason);
          LOG.warn("send failed platform={} conversation={} reply={} error=\"{}\"",
              platform, to.key(), part.getClass().getSimpleName(), failure.getMessage());
        });
  }
}
