package dev.chatbot.dialog;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example receive interceptor: one log line per turn with what was understood, whether a form is waiting, how it
 * ended and how long it took. The conversation appears as a short hash, never as the user's id.
 *
 * <pre>{@code
 * r.receive(new TurnLogger());
 * }</pre>
 *
 * <p>{@code turn conversation=3f9a0c1d intent=book confidence=1.00 in_form=true outcome=ok micros=84}
 */
public final class TurnLogger implements ReceiveInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(TurnLogger.class);

  @Override
  public Future<Void> receive(Turn turn, Supplier<Future<Void>> next) {
    long started = System.nanoTime();
    return next.get().onComplete(done -> {
      if (LOG.isInfoEnabled()) {
        LOG.info("turn conversation={} intent={} confidence={} in_form={} outcome={} micros={}",
            hash(turn.message().conversation().key()), turn.understanding().intent(),
            String.format("%.2f", turn.understanding().confidence()), turn.inDialog(),
            done.succeeded() ? "ok" : "failed", (System.nanoTime() - started) / 1_000);
      }
    });
  }

  static String hash(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
