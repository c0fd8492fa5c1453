package dev.chatbot.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.json.jackson.DatabindCodec;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a start needs, done on side threads so that no event loop pays for it and the main path of the start keeps
 * its core. Two parts, at two moments:
 * <ul>
 *   <li>{@link #mapper()} from the first line of the start: Jackson's object mapper, which the store, the admin API,
 *       the health answers and the bots use before and just after ready;</li>
 *   <li>{@link #tls()} once the server is ready and has answered its first readiness probe: the JDK's trust store,
 *       an SSL context and a first ClientHello, the path every adapter's HTTPS client takes (~0.3-0.45 s of one
 *       core). Nothing before traffic needs it, and on a two-core machine it took that core from the start and then
 *       from the first readiness answer (bench/README.md, "session 10"). The credential checks wait for it, so that
 *       their first HTTPS call does not build TLS on an event loop.</li>
 * </ul>
 * The JDK, Jackson and Netty keep what they load, so the code that needs it later finds it done (bench/README.md,
 * "session 7").
 */
final class StartWarmup {

  private static final Logger LOG = LoggerFactory.getLogger(StartWarmup.class);

  private StartWarmup() {}

  /** Builds Jackson's mapper on a daemon thread; the future says when it is done. A failure is only logged. */
  static CompletableFuture<Void> mapper() {
    return onSideThread("chatbot-warmup-json", DatabindCodec::mapper);
  }

  /** Readies the JDK's TLS client on a daemon thread; the future says when. A failure is only logged. */
  static CompletableFuture<Void> tls() {
    return onSideThread("chatbot-warmup-tls", StartWarmup::sayTlsHello);
  }

  private interface Work {
    void run() throws Exception;
  }

  private static CompletableFuture<Void> onSideThread(String name, Work work) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        work.run();
        done.complete(null);
      } catch (Exception | LinkageError e) {
        LOG.debug("start warm-up {} skipped: {}", name, e.toString());
        done.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return done;
  }

  private static void sayTlsHello() throws Exception {
    SslContext context = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).build();
    SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT, "localhost", 443);
    engine.beginHandshake();
    engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
  }
}
