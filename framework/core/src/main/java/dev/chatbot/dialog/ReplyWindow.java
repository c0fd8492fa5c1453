package dev.chatbot.dialog;

import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * A platform's reply window (Messenger and WhatsApp: 24 hours after the user's last message): outside it, only a
 * platform-specific reply (a WhatsApp template, a Messenger message tag) is accepted. Checked before sending, so a
 * bot or an operator gets a clear error instead of the platform's rejection. Used by bots' proactive turns and by
 * the admin API.
 */
public final class ReplyWindow {

  /** Where the conversation state keeps when the user last wrote (milliseconds, rounded down to the hour). */
  static final String SEEN = "_seen";

  private ReplyWindow() {}

  /** When the user of this conversation state last wrote, or null when they never did (as far as it knows). */
  public static Long lastSeen(JsonObject conversationState) {
    return conversationState.getLong(SEEN);
  }

  /**
   * Why {@code replies} may not go out on {@code platform} now, or null when they may. {@code window}: the
   * platform's (null: none); {@code lastSeen}: see {@link #lastSeen}, null when unknown; {@code unknownIsClosed}:
   * whether a user never seen counts as outside the window (a bot's own conversation: yes; an operator's message to
   * a recipient this server never heard from: no, the platform judges).
   */
  public static String refusal(String platform, Duration window, Long lastSeen, long now, List<Reply> replies,
      boolean unknownIsClosed) {
    if (window == null || (lastSeen == null ? !unknownIsClosed : now - lastSeen <= window.toMillis())) {
      return null;
    }
    for (Reply reply : replies) {
      if (!(reply instanceof Reply.PlatformSpecific specific) || specific.payload(platform) == null) {
        return "outside " + platform + "'s reply window (" + window.toHours() + " h after the user's last message): "
            + "send a platform-specific reply for " + platform + " (Reply.platformSpecific: a template or a message "
            + "tag)";
      }
    }
    return null;
  }
}
