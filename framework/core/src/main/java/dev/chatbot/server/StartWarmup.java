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
 * Work every start needs, done on a side thread while the main path of the start runs on the other core: Jackson's
 * object mapper (the store, the admin API and the bots use it), then the TLS client (the JDK's trust store, an SSL
 * context and a first ClientHello, the path the adapters' HTTPS clients take). The JDK, Jackson and Netty keep what
 * it loads, so the code that needs it later finds it done. The TLS part matters most: the first HTTPS call did it,
 * ~0.3 s of one core, on an event loop (the credential check after start), so that loop and the readiness probe
 * waited (bench/README.md, "session 7").
 */
final class StartWarmup {

  private static final Logger LOG = LoggerFactory.getLogger(StartWarmup.class);

  private StartWarmup() {}

  /** Starts the warm-up on its own daemon thread; the future says when it is done. A failure is only logged. */
  static CompletableFuture<Void> start() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        DatabindCodec.mapper();
        sayTlsHello();
        done.complete(null);
      } catch (Exception | LinkageError e) {
        LOG.debug("start warm-up skipped: {}", e.toString());
        done.completeExceptionally(e);
      }
    }, "chatbot-start-warmup");
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
