package dev.chatbot.spi;

import dev.chatbot.model.Capabilities;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.List;

/**
 * One messaging platform. Found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.chatbot.spi.PlatformAdapter}), so a new platform is a new jar and nothing else.
 *
 * <p>Inside, an adapter is a verifier (signature, handshake), a parser (platform JSON to {@code Message}s), a
 * renderer (pure: {@code Reply} to platform JSON) and a sender (one {@code WebClient} call per step). Dedupe, order,
 * fitting to {@link #capabilities()}, retries, rate limits and metrics are the core's.
 */
public interface PlatformAdapter {

  /** The platform's name: {@code messenger}, {@code slack}... Used in paths, metrics and conversation refs. */
  String platform();

  /**
   * The variables that switch this adapter on, for the startup log when it is off. {@link #configure} gets them, with
   * every variable named after the platform.
   */
  List<String> variables();

  /**
   * Reads this adapter's variables. Returns false when they are unset (the adapter stays off) and throws a
   * {@link ConfigException} naming the variable when they are half set or wrong.
   *
   * <p>{@code settings} holds this adapter's own variables only: those named in {@link #variables()} and those
   * starting with its platform in capitals and an underscore ({@code TELEGRAM_}, for {@code telegram};
   * {@code GOOGLE_CHAT_} for {@code google-chat}). The core's (the admin token, {@code DATA_DIR}) and the other
   * adapters' are not there; what an adapter needs of the core comes with {@link AdapterContext}.
   */
  boolean configure(Settings settings);

  /** Where the platform should send webhooks, shown in the startup log. */
  default String webhookPath() {
    return "/webhooks/" + platform();
  }

  /**
   * This adapter's part of {@code GET /openapi.yaml} and {@code /docs}: class-path resources in its own jar, each a
   * YAML document with the {@code paths} of the routes it mounts, the {@code components} they use and any
   * {@code tags} of its own. The core merges those of every adapter on the class path into its description; a
   * fragment may refer to the core's components ({@code BadRequest}, {@code BadSignature}, {@code TooLarge},
   * {@code ShuttingDown}, {@code EventReceived}, {@code Error}). Default: {@code openapi/<platform>.yaml}. A
   * component that several adapters list (a shared file) must be the same in each; a path may be described once.
   * A platform whose routes are no part of the product's API (a test double) returns none.
   */
  default List<String> openApi() {
    return List.of("openapi/" + platform() + ".yaml");
  }

  /** The platform's limits; the core fits every reply to them before {@link #send}. */
  Capabilities capabilities();

  /** The platform's published send limit, which the core keeps under; {@code SEND_RATE_<PLATFORM>} overrides it. */
  default SendRate defaultSendRate() {
    return SendRate.UNLIMITED;
  }

  /**
   * How long after the user's last message the bot may still write to them freely (Meta: 24 hours); beyond it a
   * proactive reply must be platform-specific (a template, a message tag). Null: no such window.
   */
  default java.time.Duration replyWindow() {
    return null;
  }

  /** Mounts routes on {@link AdapterContext#router()} and creates the HTTP client. */
  Future<Void> start(AdapterContext context);

  /**
   * Renders one already fitted reply and sends it with one HTTP call. Fails with {@link SendFailure} when the
   * platform answers with an error, so the core can decide whether to retry.
   */
  Future<Void> send(ConversationRef to, Reply reply);

  /**
   * How many platform calls {@link #send(ConversationRef, Reply, int)} makes for this fitted reply: one for most.
   * The core retries and records each call on its own, so a retry or a restart never repeats an accepted one.
   */
  default int calls(Reply reply) {
    return 1;
  }

  /** Call number {@code call} (from 0) of {@link #calls}; adapters with one call per reply keep the default. */
  default Future<Void> send(ConversationRef to, Reply reply, int call) {
    return send(to, reply);
  }

  /**
   * Asks the platform, with its cheapest authenticated call, whether the credentials work. The server calls it after
   * {@link #start} and then every {@code PLATFORM_CHECK_SECONDS}, and shows the answer in {@code /health/ready} and
   * {@code chatbot_platform_credentials_ok}. The future should not fail: an unanswered call is
   * {@link CredentialCheck#unreachable}.
   */
  default Future<CredentialCheck> checkCredentials() {
    return Future.succeededFuture(CredentialCheck.unchecked());
  }

  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
