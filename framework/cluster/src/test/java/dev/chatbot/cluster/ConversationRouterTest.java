package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.Inbound;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing alone, with three routers ("members" a, b, c) sharing one local event bus and a fixed ownership:
 * conversations owned by a are handled by a; while a takes nothing, by the stand-in b that every member picks.
 */
class ConversationRouterTest {

  Vertx vertx;
  Map<String, Member> members;

  /** One member: its router and what its local dispatcher received. */
  record Member(ConversationRouter router, List<Message> handled) {}

  /** Conversation "x" belongs to a, "y" to c; without a, x goes to b. */
  static final class FixedOwnership implements Ownership {
    private final String self;

    FixedOwnership(String self) {
      this.self = self;
    }

    @Override
    public String self() {
      return self;
    }

    @Override
    public String ownerOf(String conversationKey) {
      return conversationKey.split(":")[1].equals("x") ? "a" : "c"; // platform:channel[:thread]
    }

    @Override
    public String ownerWithout(Message message, String unavailable) {
      return unavailable.equals("a") ? "b" : "a";
    }

    @Override
    public boolean isMember(String node) {
      return true;
    }
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    members = Map.of("a", member("a"), "b", member("b"), "c", member("c"));
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  private Member member(String name) {
    List<Message> handled = new CopyOnWriteArrayList<>();
    Inbound local = messages -> {
      handled.addAll(messages);
      return Future.succeededFuture(new Inbound.Accepted(messages.size(), 0));
    };
    ConversationRouter router = new ConversationRouter(vertx, new FixedOwnership(name), local);
    await(router.start());
    return new Member(router, handled);
  }

  @Test
  void eachMessageIsHandledByItsConversationsOwnerInOrder() {
    Inbound.Accepted accepted = await(members.get("b").router().accept(List.of(
        message("1", "x"), message("2", "y"), message("3", "x"), message("4", "y"))));
    assertThat(accepted).isEqualTo(new Inbound.Accepted(4, 0));
    assertThat(ids(members.get("a").handled())).containsExactly("1", "3");
    assertThat(ids(members.get("c").handled())).containsExactly("2", "4");
    assertThat(members.get("b").handled()).isEmpty();
  }

  @Test
  void whileTheOwnerTakesNothingEveryMemberSendsItsConversationsToTheSameStandIn() {
    await(members.get("a").router().stop());
    await(members.get("c").router().accept(List.of(message("1", "x"))));
    await(members.get("b").router().accept(List.of(message("2", "x"))));
    await(members.get("c").router().accept(List.of(message("3", "x"))));
    assertThat(ids(members.get("b").handled())).containsExactly("1", "2", "3");
    assertThat(members.get("a").handled()).isEmpty();
    assertThat(members.get("c").handled()).isEmpty();
  }

  @Test
  void anOwnerThatIsAMemberButDoesNotAnswerInTimeGetsNoStandIn() {
    // a is replaced by an owner that takes the messages but never answers: busy, still a member.
    await(members.get("a").router().stop());
    List<Message> taken = new CopyOnWriteArrayList<>();
    await(new ConversationRouter(vertx, new FixedOwnership("a"), messages -> {
      taken.addAll(messages);
      return io.vertx.core.Promise.<Inbound.Accepted>promise().future();
    }).start());
    ConversationRouter impatient = new ConversationRouter(vertx, new FixedOwnership("c"), messages -> {
      throw new AssertionError("c owns none of these");
    }, 200);

    Throwable failure = awaitFailure(impatient.accept(List.of(message("1", "x"))));

    assertThat(failure).isInstanceOf(io.vertx.core.eventbus.ReplyException.class);
    assertThat(((io.vertx.core.eventbus.ReplyException) failure).failureType())
        .isEqualTo(io.vertx.core.eventbus.ReplyFailure.TIMEOUT);
    assertThat(ids(taken)).containsExactly("1");
    assertThat(members.get("b").handled()).as("the stand-in").isEmpty();
  }

  /**
   * Graceful shutdown waits for the dispatcher to be idle once the router stopped: a message forwarded just before
   * must be queued by then, or it is handled while the member leaves and its reply may go out twice.
   */
  @Test
  void stoppingWaitsForTheForwardedMessagesTakenAndSendsLaterOnesToTheStandIn() {
    await(members.get("a").router().stop());
    List<Message> taken = new CopyOnWriteArrayList<>();
    io.vertx.core.Promise<Void> arrived = io.vertx.core.Promise.promise();
    io.vertx.core.Promise<Inbound.Accepted> queued = io.vertx.core.Promise.promise();
    ConversationRouter leaving = new ConversationRouter(vertx, new FixedOwnership("a"), messages -> {
      taken.addAll(messages);
      arrived.tryComplete();
      return queued.future();
    });
    await(leaving.start());
    Future<Inbound.Accepted> first = members.get("c").router().accept(List.of(message("1", "x")));
    await(arrived.future());

    Future<Void> stopped = leaving.stop();
    Inbound.Accepted second = await(members.get("c").router().accept(List.of(message("2", "x"))));

    assertThat(second).isEqualTo(new Inbound.Accepted(1, 0));
    assertThat(ids(members.get("b").handled())).as("the stand-in").containsExactly("2");
    assertThat(stopped.isComplete()).as("stopped while message 1 is not queued yet").isFalse();
    queued.complete(new Inbound.Accepted(1, 0));
    await(stopped);
    assertThat(await(first)).isEqualTo(new Inbound.Accepted(1, 0));
    assertThat(ids(taken)).containsExactly("1");
  }

  /** Every webhook read in one wake-up of an event loop: one request per owner, the batches in their order. */
  @Test
  void theForwardsOfOneEventLoopTurnGoAsOneRequestPerMember() {
    List<String> requests = new CopyOnWriteArrayList<>();
    vertx.eventBus().addOutboundInterceptor(delivery -> {
      requests.add(delivery.message().address());
      delivery.next();
    });
    ConversationRouter b = members.get("b").router();
    io.vertx.core.Promise<List<Future<Inbound.Accepted>>> sent = io.vertx.core.Promise.promise();
    vertx.getOrCreateContext().runOnContext(turn -> sent.complete(List.of(
        b.accept(List.of(message("1", "x"))), b.accept(List.of(message("2", "y"), message("3", "x"))),
        b.accept(List.of(message("4", "x"))))));

    List<Inbound.Accepted> accepted = await(sent.future()).stream().map(ConversationRouterTest::await).toList();

    assertThat(accepted).containsExactly(new Inbound.Accepted(1, 0), new Inbound.Accepted(2, 0),
        new Inbound.Accepted(1, 0));
    assertThat(ids(members.get("a").handled())).containsExactly("1", "3", "4");
    assertThat(ids(members.get("c").handled())).containsExactly("2");
    assertThat(requests).filteredOn(dev.chatbot.bot.Addresses.inbound("a")::equals).hasSize(1);
    assertThat(requests).filteredOn(dev.chatbot.bot.Addresses.inbound("c")::equals).hasSize(1);
  }

  /** A batch the owner fails (or throws on) goes to the stand-in; the others of the same request stay with the owner. */
  @Test
  void aBatchTheOwnerFailsGoesToTheStandInAlone() {
    await(members.get("a").router().stop());
    List<Message> taken = new CopyOnWriteArrayList<>();
    await(new ConversationRouter(vertx, new FixedOwnership("a"), messages -> {
      if (messages.get(0).id().equals("bad")) {
        return Future.failedFuture("cannot queue it");
      }
      if (messages.get(0).id().equals("boom")) {
        throw new IllegalStateException("thrown, not failed");
      }
      taken.addAll(messages);
      return Future.succeededFuture(new Inbound.Accepted(messages.size(), 0));
    }).start());
    ConversationRouter c = members.get("c").router();
    io.vertx.core.Promise<List<Future<Inbound.Accepted>>> sent = io.vertx.core.Promise.promise();
    vertx.getOrCreateContext().runOnContext(turn -> sent.complete(List.of(
        c.accept(List.of(message("1", "x"))), c.accept(List.of(message("bad", "x"))),
        c.accept(List.of(message("boom", "x"))))));

    List<Inbound.Accepted> accepted = await(sent.future()).stream().map(ConversationRouterTest::await).toList();

    assertThat(accepted).containsOnly(new Inbound.Accepted(1, 0)).hasSize(3);
    assertThat(ids(taken)).containsExactly("1");
    assertThat(ids(members.get("b").handled())).as("the stand-in").containsExactly("bad", "boom");
  }

  /** An answer the sender cannot read (a member of another version) fails the forward: it does not hang. */
  @Test
  void anUnreadableAnswerSendsTheBatchToTheStandIn() {
    await(members.get("a").router().stop());
    await(vertx.eventBus().<io.vertx.core.json.JsonArray>consumer(dev.chatbot.bot.Addresses.inbound("a"),
        request -> request.reply(new io.vertx.core.json.JsonObject().put("accepted", 1))).completion());

    Inbound.Accepted accepted = await(members.get("c").router().accept(List.of(message("1", "x"))));

    assertThat(accepted).isEqualTo(new Inbound.Accepted(1, 0));
    assertThat(ids(members.get("b").handled())).as("the stand-in").containsExactly("1");
  }

  @Test
  void messagesSurviveTheTripAsJson() {
    Message tap = Message.postback("p1", new ConversationRef("test", "x", "thread-1"), new UserRef("test", "u", "Una"),
        "Buy", "BUY:JM-1");
    Message location = Message.attachment("l1", ConversationRef.of("test", "x"), UserRef.of("test", "u"),
        Message.Kind.LOCATION, Message.Attachment.location(52.5, 13.4));
    await(members.get("b").router().accept(List.of(tap, location)));
    assertThat(members.get("a").handled()).containsExactly(tap, location);
  }

  private static Message message(String id, String channel) {
    return Message.text(id, ConversationRef.of("test", channel), UserRef.of("test", channel), "text " + id);
  }

  private static List<String> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }

  private static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException failed) {
      return failed.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("succeeded");
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
