package dev.chatbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class StartWarmupTest {

  @Test
  void completesAfterTheMapperAndAFirstClientHelloWithTheJdkTrustStore() throws Exception {
    StartWarmup.mapper().get(30, TimeUnit.SECONDS);
    StartWarmup.tls().get(30, TimeUnit.SECONDS);

    // What it readied is the JDK's own default TLS, which every HTTPS client of the adapters builds on.
    assertThat(SSLContext.getDefault().getSupportedSSLParameters().getProtocols()).contains("TLSv1.3");
  }
}
