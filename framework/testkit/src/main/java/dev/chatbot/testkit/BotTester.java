package dev.chatbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.bot.BotServices;
import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.bot.LocalBots;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.Inbound;
import dev.chatbot.state.MemoryBotDataStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a bot in memory, with no server and no HTTP: each message is one turn, handled exactly as the dispatcher
 * would (state and profile loaded, the bot called on its event loop, both saved only when the turn succeeds), in a
 * millisecond or so. Replies queue up for the {@code expect} methods; the clock moves only when the test says.
 *
 * <pre>{@code
 * try (BotTester bot = BotTester.start(new EchoBot())) {
 *   bot.say("hello").expectText("hello");
 * }
 * }</pre>
 */
public final class BotTester implements AutoCloseable {

  /** Where the clock starts: a Monday morning, so "today" is the same in every run. */
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  public static final String PLATFORM = "test";

  private final Vertx vertx;
  private final Context context;
  private String botName;
  private String deployment;
  private final TestClock clock;
  private final MemoryBotDataStore data;
  private final Map<String, JsonObject> saved = new HashMap<>();
  private final ArrayDeque<Reply> replies = new ArrayDeque<>();
  /** Events the bot sent with {@code proactive(...)}: handled after the turn that sent them, as the queue would. */
  private final ArrayDeque<Message> queued;
  private String userId = "user-1";
  private String channel = "user-1";
  private int nextId;

  private BotTester(Vertx vertx, Context context, String botName, String deployment, TestClock clock,
      MemoryBotDataStore data, ArrayDeque<Message> queued) {
    this.queued = queued;
    this.vertx = vertx;
    this.context = context;
    this.botName = botName;
    this.deployment = deployment;
    this.clock = clock;
    this.data = data;
  }

  /** Deploys {@code bot} on a one-loop Vert.x of its own. */
  public static BotTester start(BotVerticle bot) {
    return start(bot, null);
  }

  /** The same, with a reply window on the test platform (Meta's is 24 hours), for bots that send events. */
  public static BotTester start(BotVerticle bot, Duration replyWindow) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    TestClock clock = new TestClock(START);
    MemoryBotDataStore data = new MemoryBotDataStore();
    ArrayDeque<Message> queued = new ArrayDeque<>();
    Inbound inbound = messages -> {
      synchronized (queued) {
        queued.addAll(messages);
      }
      return Future.succeededFuture(new Inbound.Accepted(messages.size(), 0));
    };
    BotServices.register(vertx, data, clock, inbound,
        replyWindow == null ? Map.of() : Map.of(PLATFORM, replyWindow));
    String deployment = await(vertx.deployVerticle(bot));
    return new BotTester(vertx, vertx.getOrCreateContext(), bot.name(), deployment, clock, data, queued);
  }

  /** An event into this conversation, as the bot's {@code proactive(...)} would send it. */
  public BotTester event(String name, JsonObject data) {
    return post(Message.event(ref(), user(), name, data, clock.millis()));
  }

  /**
   * Replaces the bot with a fresh instance, keeping every saved state, profile and bot-wide value: what a restart
   * (or another cluster member) looks like to a conversation.
   */
  public BotTester restart(BotVerticle fresh) {
    await(vertx.undeploy(deployment));
    deployment = await(vertx.deployVerticle(fresh));
    botName = fresh.name();
    return this;
  }

  /** The user types {@code text}. Fails the test when the bot fails. */
  public BotTester say(String text) {
    return post(new Message(id(), ref(), user(), Message.Kind.TEXT, text, null, null, clock.millis()));
  }

  /** The user taps a button or quick reply whose payload is {@code payload} (and whose title is the same). */
  public BotTester tap(String payload) {
    return post(new Message(id(), ref(), user(), Message.Kind.POSTBACK, payload, payload, null, clock.millis()));
  }

  /** Any message, as one turn, then the events it queued. Fails the test when the bot fails. */
  public BotTester post(Message message) {
    Throwable failure = attempt(message);
    if (failure != null) {
      throw new AssertionError("the bot failed on \"" + message.input() + "\": " + failure.getMessage(), failure);
    }
    Message next;
    while ((next = nextQueued()) != null) {
      post(next);
    }
    return this;
  }

  private Message nextQueued() {
    synchronized (queued) {
      return queued.poll();
    }
  }

  /** Runs one turn that may fail: the failure, or null. A failed turn saves nothing, as in the server. */
  public Throwable attempt(Message message) {
    String stateKey = "conversation:" + message.conversation().key();
    String profileKey = "profile:" + message.user().key();
    JsonObject state = saved.getOrDefault(stateKey, new JsonObject()).copy();
    JsonObject profile = saved.getOrDefault(profileKey, new JsonObject()).copy();
    Conversation conversation = new Conversation(message.conversation(), message.user(), state, profile,
        (to, reply) -> {
          synchronized (replies) {
            replies.add(reply);
          }
          return Future.succeededFuture();
        });
    Promise<Void> done = Promise.promise();
    context.runOnContext(tick -> {
      LocalBots.Handler bot = LocalBots.of(vertx).onThisThread(botName);
      if (bot == null) {
        done.fail("bot " + botName + " is not deployed");
        return;
      }
      bot.handle(message, conversation).compose(ok -> conversation.allSent()).onComplete(done);
    });
    try {
      await(done.future());
    } catch (AssertionError failed) {
      return failed.getCause() != null ? failed.getCause() : failed;
    }
    saved.put(stateKey, state);
    saved.put(profileKey, profile);
    return null;
  }

  /** The same user in another conversation (to check what is remembered per user). */
  public BotTester newConversation(String channelId) {
    this.channel = channelId;
    return this;
  }

  /** Another user, in their own conversation. */
  public BotTester as(String user) {
    this.userId = user;
    this.channel = user;
    return this;
  }

  /** The next reply, whatever it is. */
  public Reply nextReply() {
    synchronized (replies) {
      assertThat(replies).as("a reply from the bot").isNotEmpty();
      return replies.poll();
    }
  }

  /** The next reply must be text (plain or with quick replies) equal to {@code expected}; returns it. */
  public String expectText(String expected) {
    return expectText(Text.equalTo(expected));
  }

  /** The next reply must carry text that matches; returns the text. */
  public String expectText(Text expected) {
    Reply reply = nextReply();
    String text = Chat.textOf(reply);
    assertThat(text).as("text of reply %s", reply).isNotNull();
    assertThat(expected.test().test(text)).as("reply \"%s\" should be %s", text, expected.description()).isTrue();
    return text;
  }

  /** The next reply must be quick replies whose text matches; returns them. */
  public Reply.QuickReplies expectQuickReplies(Text expected) {
    Reply reply = nextReply();
    assertThat(reply).as("expected quick replies").isInstanceOf(Reply.QuickReplies.class);
    Reply.QuickReplies quickReplies = (Reply.QuickReplies) reply;
    assertThat(expected.test().test(quickReplies.text()))
        .as("quick replies \"%s\" should be %s", quickReplies.text(), expected.description()).isTrue();
    return quickReplies;
  }

  /** The next reply must be of {@code type}; returns it. */
  public <R extends Reply> R expect(Class<R> type) {
    Reply reply = nextReply();
    assertThat(reply).as("next reply").isInstanceOf(type);
    return type.cast(reply);
  }

  /** Every reply so far has been expected. */
  public BotTester expectNoMoreReplies() {
    synchronized (replies) {
      assertThat(new ArrayList<>(replies)).as("replies nobody expected").isEmpty();
    }
    return this;
  }

  /** Takes every reply not yet expected. */
  public List<Reply> drain() {
    synchronized (replies) {
      List<Reply> all = new ArrayList<>(replies);
      replies.clear();
      return all;
    }
  }

  /** A copy of this conversation's saved state. */
  public JsonObject state() {
    return saved.getOrDefault("conversation:" + ref().key(), new JsonObject()).copy();
  }

  /** A copy of this user's saved profile. */
  public JsonObject profile() {
    return saved.getOrDefault("profile:" + user().key(), new JsonObject()).copy();
  }

  /** The saved conversation state under {@code key}, read as {@code type} (a record of the bot's). */
  public <T> T state(String key, Class<T> type) {
    Object value = state().getValue(key);
    return value == null ? null : DatabindCodec.mapper().convertValue(
        value instanceof JsonObject object ? object.getMap() : value, type);
  }

  /** The bot-wide store the bot sees through {@code data()}, under its own prefix. */
  public MemoryBotDataStore data() {
    return data;
  }

  public TestClock clock() {
    return clock;
  }

  public Vertx vertx() {
    return vertx;
  }

  public ConversationRef ref() {
    return ConversationRef.of(PLATFORM, channel);
  }

  public UserRef user() {
    return UserRef.of(PLATFORM, userId);
  }

  @Override
  public void close() {
    await(vertx.close());
  }

  private String id() {
    return "m" + ++nextId;
  }

  private static <T> T await(Future<T> future) {
    CompletableFuture<T> completion = future.toCompletionStage().toCompletableFuture();
    try {
      return completion.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the bot did not finish within 10 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
