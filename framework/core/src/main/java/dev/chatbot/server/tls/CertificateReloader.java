package dev.chatbot.server.tls;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileProps;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.ServerSSLOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up a renewed certificate without a restart: watches the modification time and size of
 * {@code TLS_CERT_PATH} and {@code TLS_KEY_PATH} (cert-manager and certbot rewrite them in place, Kubernetes swaps the
 * Secret's symlink) and, when they change and the new pair checks out, hands it to every HTTP server instance.
 * Open connections keep their session; new handshakes get the new certificate. A half-written pair (certificate
 * renewed, key not yet) fails the check and is retried when the files change again.
 */
public final class CertificateReloader {

  private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

  private final Vertx vertx;
  private final String certPath;
  private final String keyPath;
  private final Supplier<List<HttpServer>> servers;
  private final List<HttpVersion> alpnVersions;
  private String lastSeen;
  private boolean checking;

  private CertificateReloader(Vertx vertx, String certPath, String keyPath, Supplier<List<HttpServer>> servers,
      List<HttpVersion> alpnVersions) {
    this.vertx = vertx;
    this.certPath = certPath;
    this.keyPath = keyPath;
    this.servers = servers;
    this.alpnVersions = List.copyOf(alpnVersions);
  }

  /** Starts watching every {@code periodMillis}; the periodic timer ends when Vert.x closes. */
  public static Future<CertificateReloader> start(Vertx vertx, String certPath, String keyPath,
      Supplier<List<HttpServer>> servers, List<HttpVersion> alpnVersions, long periodMillis) {
    CertificateReloader reloader = new CertificateReloader(vertx, certPath, keyPath, servers, alpnVersions);
    return reloader.fingerprint().map(seen -> {
      reloader.lastSeen = seen;
      vertx.setPeriodic(periodMillis, timer -> reloader.check());
      LOG.info("tls reload watching cert={} key={} every_ms={}", certPath, keyPath, periodMillis);
      return reloader;
    });
  }

  /** Looks at the files now; completes with true when a new certificate was installed. */
  public Future<Boolean> check() {
    if (checking) {
      return Future.succeededFuture(false);
    }
    checking = true;
    return fingerprint()
        .compose(seen -> {
          if (Objects.equals(seen, lastSeen)) {
            return Future.succeededFuture(false);
          }
          lastSeen = seen;
          return reload();
        })
        .onFailure(failure -> LOG.warn("tls reload failed, keeping the current certificate error=\"{}\"",
            failure.getMessage()))
        .recover(failure -> Future.succeededFuture(false))
        .onComplete(done -> checking = false);
  }

  private Future<Boolean> reload() {
    return vertx.executeBlocking(() -> TlsFiles.load(vertx, certPath, keyPath), false).compose(loaded -> {
      ServerSSLOptions ssl = new ServerSSLOptions()
          .setKeyCertOptions(loaded.options())
          .setUseAlpn(true)
          .setApplicationLayerProtocols(alpnVersions.stream().map(HttpVersion::alpnName).toList());
      List<HttpServer> all = servers.get();
      return Future.all(all.stream().map(server -> server.updateSSLOptions(ssl, true)).toList())
          .map(updated -> {
            LOG.info("tls certificate reloaded {} servers={}", loaded.describe(), all.size());
            return true;
          });
    });
  }

  private Future<String> fingerprint() {
    return Future.all(props(certPath), props(keyPath))
        .map(both -> describe(both.resultAt(0)) + "|" + describe(both.resultAt(1)));
  }

  private Future<FileProps> props(String path) {
    return vertx.fileSystem().props(path);
  }

  private static String describe(FileProps props) {
    return props.lastModifiedTime() + ":" + props.size();
  }
}
