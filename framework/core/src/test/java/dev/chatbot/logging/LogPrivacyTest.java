package dev.chatbot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogPrivacyTest {

  @Test
  void identityValuesBecomeAStableShortHash() {
    String masked = LogPrivacy.mask("send failed platform=slack channel=C0123ABC user=\"U 1\" reason=permanent");

    assertThat(masked).isEqualTo("send failed platform=slack channel=" + LogPrivacy.hash("C0123ABC")
        + " user=" + LogPrivacy.hash("U 1") + " reason=permanent");
    assertThat(LogPrivacy.hash("C0123ABC")).matches("#[0-9a-f]{8}").isEqualTo(LogPrivacy.hash("C0123ABC"))
        .isNotEqualTo(LogPrivacy.hash("C0123ABD"));
  }

  @Test
  void listsOfConversationsKeepTheirCounts() {
    assertThat(LogPrivacy.mask("shutdown grace period over conversations=[whatsapp:15551234567=2,slack:C1=1]+3"))
        .isEqualTo("shutdown grace period over conversations=[" + LogPrivacy.hash("whatsapp:15551234567") + "=2,"
            + LogPrivacy.hash("slack:C1") + "=1]+3");
  }

  @Test
  void longNumbersAnywhereAreHashedButDecimalsAndShortNumbersAreNot() {
    assertThat(LogPrivacy.mask("error=\"(#100) No matching user found for 1254459154682919\" ts=1732500000.000100 attempts=3"))
        .isEqualTo("error=\"(#100) No matching user found for " + LogPrivacy.hash("1254459154682919")
            + "\" ts=1732500000.000100 attempts=3");
    assertThat(LogPrivacy.mask("call +15551234567 now")).isEqualTo("call " + LogPrivacy.hash("+15551234567") + " now");
  }

  @Test
  void linesWithoutIdentitiesAreLeftAlone() {
    String line = "ready url=http://localhost:8080/chat port=8080 bots=shoe-shop startup_ms=812";
    assertThat(LogPrivacy.mask(line)).isSameAs(line);
  }

  @Test
  void valuesUnderIdentityKeysAreHashedOthersKept() {
    assertThat(LogPrivacy.maskValue("recipient", "15551234567")).isEqualTo(LogPrivacy.hash("15551234567"));
    assertThat(LogPrivacy.maskValue("request_id", "r-42")).isEqualTo("r-42");
  }
}
