package dev.chatbot.adapters.meta;

import dev.chatbot.spi.CredentialCheck;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads Graph's answer to {@code GET /me}, the cheapest call that needs a valid token: 200 names the page (or the
 * system user of a WhatsApp token), a 4xx is Meta refusing the token (code 190: invalid, expired or revoked), anything
 * else says nothing about it.
 */
final class GraphTokenCheck {

  private GraphTokenCheck() {}

  static CredentialCheck of(int status, Buffer body) {
    if (status == 200) {
      JsonObject me = json(body);
      return CredentialCheck.ok("id=" + me.getString("id", "?") + " name=\"" + me.getString("name", "?") + "\"");
    }
    GraphError error = GraphError.parse(body);
    String said = error != null ? error.summary() : "status=" + status;
    return status >= 400 && status < 500 && status != 429 ? CredentialCheck.rejected(said)
        : CredentialCheck.unreachable(said);
  }

  private static JsonObject json(Buffer body) {
    try {
      return body == null ? new JsonObject() : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }
}
