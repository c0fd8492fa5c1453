package dev.chatbot.server.tls;

import dev.chatbot.spi.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * Reads and checks the PEM certificate chain ({@code TLS_CERT_PATH}) and private key ({@code TLS_KEY_PATH}): both
 * readable, both parse, and the key belongs to the certificate. A bad pair fails with one line naming the variable
 * instead of a server that starts and then fails every handshake.
 */
public final class TlsFiles {

  private static final byte[] PROBE = "chatbot tls key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final List<String> KEY_TYPES = List.of("RSA", "EC", "EdDSA", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

  private TlsFiles() {}

  /** The checked pair as in-memory PEM values (blocking file reads: call at startup or from a worker). */
  public static Loaded load(Vertx vertx, String certPath, String keyPath) {
    Buffer cert = read("TLS_CERT_PATH", certPath);
    Buffer key = read("TLS_KEY_PATH", keyPath);
    X509Certificate leaf = parseCertificate(certPath, cert);
    PemKeyCertOptions options = new PemKeyCertOptions().setCertValue(cert).setKeyValue(key);
    PrivateKey privateKey = parseKey(vertx, keyPath, options);
    if (!matches(privateKey, leaf.getPublicKey())) {
      throw new ConfigException("TLS_KEY_PATH " + keyPath + " is not the private key of the certificate in TLS_CERT_PATH "
          + certPath);
    }
    return new Loaded(options, leaf);
  }

  /** What was loaded: the options for the server and the leaf certificate, for the log. */
  public record Loaded(PemKeyCertOptions options, X509Certificate certificate) {

    public String describe() {
      return "subject=\"" + certificate.getSubjectX500Principal().getName() + "\" not_after="
          + certificate.getNotAfter().toInstant();
    }
  }

  private static Buffer read(String variable, String path) {
    try {
      return Buffer.buffer(Files.readAllBytes(Path.of(path)));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(variable + " " + path + " is not a readable file (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static X509Certificate parseCertificate(String path, Buffer pem) {
    try {
      Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes()));
      if (chain.isEmpty() || !(chain.iterator().next() instanceof X509Certificate leaf)) {
        throw new ConfigException("TLS_CERT_PATH " + path + " holds no PEM certificate");
      }
      return leaf;
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof ConfigException config) {
        throw config;
      }
      throw new ConfigException("TLS_CERT_PATH " + path + " is not a PEM certificate: " + oneLine(e));
    }
  }

  // Vert.x reads every PEM key flavour (PKCS#8, PKCS#1 RSA, SEC1 EC); reuse its loader rather than parse by hand.
  private static PrivateKey parseKey(Vertx vertx, String path, PemKeyCertOptions options) {
    try {
      KeyManagerFactory factory = options.getKeyManagerFactory(vertx);
      for (KeyManager manager : factory.getKeyManagers()) {
        if (manager instanceof X509KeyManager x509) {
          for (String type : KEY_TYPES) {
            String[] aliases = x509.getServerAliases(type, null);
            if (aliases != null && aliases.length > 0 && x509.getPrivateKey(aliases[0]) != null) {
              return x509.getPrivateKey(aliases[0]);
            }
          }
        }
      }
      throw new ConfigException("TLS_KEY_PATH " + path + " holds no usable private key");
    } catch (ConfigException e) {
      throw e;
    } catch (Exception e) {
      throw new ConfigException("TLS_KEY_PATH " + path + " is not a PEM private key: " + oneLine(e));
    }
  }

  static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    String algorithm = switch (privateKey.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA", "Ed25519" -> "Ed25519";
      case "Ed448" -> "Ed448";
      case "DSA" -> "SHA256withDSA";
      default -> null;
    };
    if (algorithm == null) {
      return privateKey.getAlgorithm().equals(publicKey.getAlgorithm());
    }
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
