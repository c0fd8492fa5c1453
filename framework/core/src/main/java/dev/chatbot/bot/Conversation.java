package dev.chatbot.bot;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One message's view of its conversation: who and where, the bot's saved state for this conversation, the user's
 * profile (kept across conversations), and a way to answer.
 *
 * <p>State and profile are loaded before the bot runs and saved after its future completes: a bot keeps what it
 * must remember here, never in fields.
 */
public final class Conversation {

  private final ConversationRef ref;
  private final UserRef user;
  private final JsonObject state;
  private final JsonObject profile;
  private final ReplySink sink;
  private Future<Void> lastSend = Future.succeededFuture();

  /** Where replies go: the core's delivery (fit, send, retry), in order. */
  @FunctionalInterface
  public interface ReplySink {
    Future<Void> send(ConversationRef to, Reply reply);
  }

  public Conversation(ConversationRef ref, UserRef user, JsonObject state, JsonObject profile, ReplySink sink) {
    this.ref = ref;
    this.user = user;
    this.state = state;
    this.profile = profile;
    this.sink = sink;
  }

  public ConversationRef ref() {
    return ref;
  }

  public UserRef user() {
    return user;
  }

  public String platform() {
    return ref.platform();
  }

  /** This conversation's state, saved after the bot's future completes. */
  public JsonObject state() {
    return state;
  }

  /** Per-user data kept across conversations (saved address, preferences), saved like {@link #state()}. */
  public JsonObject profile() {
    return profile;
  }

  /**
   * Sends replies in order, after any reply sent earlier for this message. The future completes once the platform
   * has accepted the last of them (retries included) and fails if delivery finally failed.
   */
  public synchronized Future<Void> reply(Reply... replies) {
    return reply(List.of(replies));
  }

  public synchronized Future<Void> reply(List<? extends Reply> replies) {
    for (Reply reply : replies) {
      // A platform-specific reply is narrowed here, where the platform is known: the core's fitter then adapts
      // the neutral fallback like any reply, and adapters only ever see their own payload.
      Reply forHere = reply instanceof Reply.PlatformSpecific specific ? specific.on(ref.platform()) : reply;
      lastSend = lastSend.transform(previous -> sink.send(ref, forHere));
    }
    return lastSend;
  }

  /** Completes when every reply sent so far has been delivered or has finally failed. */
  public synchronized Future<Void> allSent() {
    return lastSend.otherwiseEmpty().mapEmpty();
  }
}
