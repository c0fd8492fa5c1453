package dev.chatbot.spi;

/**
 * What a platform answered when asked, with its cheapest authenticated call, whether the adapter's credentials work
 * (Slack {@code auth.test}, Graph {@code /me}, Telegram {@code getMe}). {@code detail} is the platform's own words:
 * who the token belongs to when accepted, its error when rejected; never the token.
 */
public record CredentialCheck(State state, String detail) {

  public enum State {
    /** The platform accepted the credentials. */
    ok,
    /** The platform refused them (revoked, expired or wrong token): sends will fail until they are replaced. */
    rejected,
    /** No answer that tells (connection error, timeout, 5xx, rate limit): says nothing about the credentials. */
    unreachable,
    /** The adapter has no such check. */
    unchecked
  }

  public static CredentialCheck ok(String detail) {
    return new CredentialCheck(State.ok, detail);
  }

  public static CredentialCheck rejected(String platformError) {
    return new CredentialCheck(State.rejected, platformError);
  }

  public static CredentialCheck unreachable(String why) {
    return new CredentialCheck(State.unreachable, why);
  }

  public static CredentialCheck unchecked() {
    return new CredentialCheck(State.unchecked, "this adapter has no credential check");
  }
}
