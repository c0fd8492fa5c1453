package dev.chatbot.adapters.slack;

import dev.chatbot.spi.CredentialCheck;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Reads Slack's answer to {@code auth.test}, its cheapest call that needs a valid token: {@code ok:true} names the
 * team and the bot user; the token errors mean Slack refuses it; anything else (rate limit, Slack-side error, a
 * non-200) says nothing about the token.
 */
final class SlackAuthTest {

  /** {@code auth.test} errors that mean the token itself is refused. */
  static final Set<String> TOKEN_ERRORS = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked",
      "token_expired", "no_permission", "ekm_access_denied", "missing_scope", "not_allowed_token_type");

  private SlackAuthTest() {}

  static CredentialCheck of(int status, JsonObject answer) {
    if (status == 200 && answer.getBoolean("ok", false)) {
      return CredentialCheck.ok("team=\"" + answer.getString("team", "?") + "\" bot=" + answer.getString("user", "?"));
    }
    String error = answer.getString("error", "http_" + status);
    return status == 200 && TOKEN_ERRORS.contains(error) ? CredentialCheck.rejected(error)
        : CredentialCheck.unreachable(error);
  }
}
