package dev.chatbot.deploy;

import io.vertx.core.net.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed PEM certificates made in the test. openssl makes one in milliseconds; Vert.x's
 * {@link SelfSignedCertificate} (RSA, a second or two) is the fallback where openssl is missing.
 */
final class TestCertificates {

  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  enum KeyType { EC, RSA }

  private TestCertificates() {}

  /**
   * Writes a certificate for {@code commonName} and its key to {@code cert} and {@code key}, replacing what is there
   * with a newer modification time (as a renewal does).
   */
  static void write(String commonName, KeyType type, Path cert, Path key) throws IOException {
    FileTime next = FileTime.from(Instant.now().plusSeconds(Files.exists(cert) ? 5 : 0));
    Path dir = Files.createTempDirectory("cert");
    Path newCert = dir.resolve("cert.pem");
    Path newKey = dir.resolve("key.pem");
    if (Files.isExecutable(OPENSSL)) {
      openssl(commonName, type, newCert, newKey);
    } else {
      SelfSignedCertificate generated = SelfSignedCertificate.create(commonName);
      Files.copy(Path.of(generated.certificatePath()), newCert);
      Files.copy(Path.of(generated.privateKeyPath()), newKey);
      generated.delete();
    }
    Files.move(newKey, key, StandardCopyOption.REPLACE_EXISTING);
    Files.move(newCert, cert, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(key, next);
    Files.setLastModifiedTime(cert, next);
    Files.delete(dir);
  }

  private static void openssl(String commonName, KeyType type, Path cert, Path key) throws IOException {
    List<String> keyOptions = type == KeyType.EC
        ? List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1")
        : List.of("-newkey", "rsa:2048");
    List<String> command = new java.util.ArrayList<>(List.of(OPENSSL.toString(), "req", "-x509"));
    command.addAll(keyOptions);
    command.addAll(List.of("-nodes", "-days", "2", "-subj", "/CN=" + commonName,
        "-keyout", key.toString(), "-out", cert.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("openssl failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
