package dev.chatbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bot test that reads like a conversation: the user says something over HTTP (through the test adapter), then
 * the test expects what the bot answered, in order.
 *
 * <pre>{@code
 * chat.send("hi").expectText(Text.contains("hello"));
 * Reply.Cards cards = chat.send("brown shoes, size 10").expectCards();
 * chat.tap("BUY:JM-1001-BRN").expectText(Text.contains("cart"));
 * }</pre>
 */
public final class Chat {

  /** How long to wait for each reply. */
  public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final TestServer server;
  private final String userId;
  private final String channel;

  Chat(TestServer server, String userId) {
    this(server, userId, userId);
  }

  private Chat(TestServer server, String userId, String channel) {
    this.server = server;
    this.userId = userId;
    this.channel = channel;
  }

  /** The same user in another conversation (to check what is remembered per user). */
  public Chat newConversation(String channelId) {
    return new Chat(server, userId, channelId);
  }

  public Chat send(String text) {
    return post(Message.text(id(), ref(), user(), text));
  }

  /** Taps a button or quick reply whose payload is {@code payload}. */
  public Chat tap(String payload) {
    return post(Message.postback(id(), ref(), user(), payload, payload));
  }

  /** Posts any neutral message as this user. */
  public Chat post(Message message) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/webhooks/test")))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JsonObject.mapFrom(message).encode()))
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("webhook status, body %s", response.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new AssertionError("could not reach the server: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return this;
  }

  /** The next reply, whatever it is; fails after {@link #REPLY_TIMEOUT}. */
  public Reply nextReply() {
    try {
      Reply reply = queue().poll(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (reply == null) {
        throw new AssertionError("no reply from the bot within " + REPLY_TIMEOUT.toSeconds() + " s");
      }
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next reply that is not a typing indicator. */
  public Reply nextVisibleReply() {
    Reply reply;
    do {
      reply = nextReply();
    } while (reply instanceof Reply.Typing);
    return reply;
  }

  /** The next reply must carry text (plain or with quick replies) that matches. Returns that text. */
  public String expectText(Text expected) {
    Reply reply = nextVisibleReply();
    String text = textOf(reply);
    assertThat(text).as("reply %s", reply).isNotNull();
    assertThat(expected.test().test(text)).as("reply text \"%s\" should be %s", text, expected.description()).isTrue();
    return text;
  }

  /** The next reply must be quick replies whose text matches; returns them. */
  public Reply.QuickReplies expectQuickReplies(Text expected) {
    Reply reply = nextVisibleReply();
    assertThat(reply).as("expected quick replies").isInstanceOf(Reply.QuickReplies.class);
    Reply.QuickReplies quickReplies = (Reply.QuickReplies) reply;
    assertThat(expected.test().test(quickReplies.text()))
        .as("quick replies text \"%s\" should be %s", quickReplies.text(), expected.description()).isTrue();
    return quickReplies;
  }

  /** The next reply must be a carousel; returns it. */
  public Reply.Cards expectCards() {
    Reply reply = nextVisibleReply();
    assertThat(reply).as("expected cards").isInstanceOf(Reply.Cards.class);
    return (Reply.Cards) reply;
  }

  /** Nothing more arrives within {@code quietFor}. */
  public void expectNoReply(Duration quietFor) {
    try {
      Reply reply = queue().poll(quietFor.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(reply).as("no further reply expected").isNull();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Takes every reply that has arrived so far, without waiting. */
  public List<Reply> drain() {
    List<Reply> replies = new ArrayList<>();
    queue().drainTo(replies);
    return replies;
  }

  public static String textOf(Reply reply) {
    if (reply instanceof Reply.Text text) {
      return text.text();
    }
    if (reply instanceof Reply.QuickReplies quickReplies) {
      return quickReplies.text();
    }
    return null;
  }

  private BlockingQueue<Reply> queue() {
    return server.testAdapter().replies(channel);
  }

  private ConversationRef ref() {
    return ConversationRef.of(TestAdapter.PLATFORM, channel);
  }

  private UserRef user() {
    return UserRef.of(TestAdapter.PLATFORM, userId);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
