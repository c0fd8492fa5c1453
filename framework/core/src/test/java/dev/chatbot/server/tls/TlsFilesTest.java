package dev.chatbot.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.spi.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilesTest {

  @TempDir
  Path dir;

  @Test
  void aKeyMatchesOnlyItsOwnPublicKey() throws Exception {
    for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      KeyPair one = generator.generateKeyPair();
      KeyPair other = generator.generateKeyPair();
      assertThat(TlsFiles.matches(one.getPrivate(), one.getPublic())).as(algorithm).isTrue();
      assertThat(TlsFiles.matches(one.getPrivate(), other.getPublic())).as(algorithm).isFalse();
    }
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    assertThat(TlsFiles.matches(ec.getPrivate(), rsa.getPublic())).isFalse();
  }

  @Test
  void unreadableOrGarbageFilesNameTheVariable() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnope\n");
    assertThatThrownBy(() -> TlsFiles.load(null, dir.resolve("none.crt").toString(), garbage.toString()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("TLS_CERT_PATH").hasMessageContaining("none.crt");
    assertThatThrownBy(() -> TlsFiles.load(null, garbage.toString(), dir.resolve("none.key").toString()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("TLS_KEY_PATH");
    assertThatThrownBy(() -> TlsFiles.load(null, garbage.toString(), garbage.toString()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("TLS_CERT_PATH").hasMessageContaining("garbage.pem");
  }
}
