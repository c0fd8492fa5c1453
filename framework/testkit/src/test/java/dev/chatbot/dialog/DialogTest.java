package dev.chatbot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.BotTester;
import dev.chatbot.testkit.LogCapture;
import dev.chatbot.testkit.Text;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes, prompts, forms, typed state and interceptors, through the bot tester. */
class DialogTest {

  private final BotTester bot = BotTester.start(new PizzaTestBot());

  @AfterEach
  void close() {
    bot.close();
  }

  @Test
  void routesByTextPatternPayloadCommandAndFallback() {
    bot.say("Repeat hello 3 times").expectText("hello x3");
    bot.tap("BUY:SKU-1").expectText("bought SKU-1");
    bot.say("/status all good").expectText("status [all good]");
    bot.say("/status").expectText("status []");
    bot.say("what?").expectText("Say \"pizza\".");
    bot.tap("buy:sku-1").expectText("Say \"pizza\".");
    bot.expectNoMoreReplies();
  }

  @Test
  void aFormAsksOnlyForWhatIsMissingAndFillsSeveralSlotsAtOnce() {
    bot.say("I want 2 large pizzas").expectText("Delivered?");
    bot.say("with mushrooms").expectText("Delivered?"); // an optional slot, filled when mentioned, never asked
    bot.say("yes").expectText("Where to?");
    bot.say("12 Main Street").expectText("Ordered 2 LARGE mushroom to 12 Main Street (order 1, 2 sold)");

    assertThat(bot.state("last", PizzaTestBot.Order.class))
        .isEqualTo(new PizzaTestBot.Order(PizzaTestBot.Size.LARGE, 2, true, "12 Main Street", "mushroom"));
    assertThat(bot.state().containsKey("_dialog")).as("the form is over").isFalse();
    assertThat(bot.profile().getInteger("orders")).isEqualTo(1);
    assertThat(bot.profile().getJsonObject("_slots").getString("address")).isEqualTo("12 Main Street");
    bot.expectNoMoreReplies();
  }

  @Test
  void promptsParseValidateAndRetry() {
    Reply.QuickReplies sizes = bot.say("pizza").expectQuickReplies(Text.equalTo("What size?"));
    assertThat(sizes.options()).extracting(o -> o.title()).containsExactly("Small", "Medium", "Large");
    bot.tap("Medium").expectText("How many?");
    bot.say("fifty").expectText("Between 1 and 20, please.");
    bot.expectText("How many?");
    bot.say("ten").expectText("Delivered?");
    bot.say("maybe").expectText("Please answer yes or no.");
    bot.expectQuickReplies(Text.equalTo("Delivered?"));
    bot.say("No").expectText("Where to?");
    bot.say("the blue house").expectText("I need a street and a number.");
    bot.expectText("Where to?");
    bot.say("3 Elm Road").expectText("Ordered 10 MEDIUM to 3 Elm Road (order 1, 10 sold)");
  }

  @Test
  void afterTheRetryLimitTheFormGivesUp() {
    bot.say("a small pizza").expectText("How many?");
    bot.say("lots").expectText("A number, please.");
    bot.expectText("How many?");
    bot.say("heaps").expectText("Sorry, I could not follow. Let's leave it there.");
    assertThat(bot.state().containsKey("_dialog")).isFalse();
    bot.say("3").expectText("Say \"pizza\".");
  }

  @Test
  void theAskedSlotSteersTheNlu() {
    bot.say("pizza").expectQuickReplies(Text.equalTo("What size?"));
    bot.say("lrge please").expectText("How many?");
    bot.say("7").expectText("Delivered?");
    assertThat(bot.state().getJsonObject("_dialog").getJsonObject("values").getMap())
        .containsEntry("size", "LARGE").containsEntry("count", 7);
  }

  @Test
  void globalHandlersWorkMidFormWhichThenResumes() {
    bot.say("large pizza").expectText("How many?");
    bot.say("help").expectText("I take pizza orders.");
    bot.expectText("How many?");
    bot.say("what do you have").expectText("Margherita only.");
    bot.expectText("How many?");
    bot.say("2").expectText("Delivered?");
    bot.tap("CANCEL").expectText("Cancelled.");
    bot.expectNoMoreReplies();
    bot.say("yes").expectText("Say \"pizza\".");
  }

  @Test
  void thePositionIsPlainDataThatSurvivesARestart() {
    bot.say("large pizza").expectText("How many?");
    JsonObject position = bot.state().getJsonObject("_dialog");
    assertThat(position.getString("form")).isEqualTo("Order");
    assertThat(position.getString("slot")).isEqualTo("count");
    assertThat(position.getInteger("retries")).isZero();
    assertThat(position.getLong("since")).isEqualTo(BotTester.START.toEpochMilli());

    bot.restart(new PizzaTestBot());
    bot.say("4").expectText("Delivered?");
  }

  @Test
  void aFormLeftWaitingExpires() {
    bot.say("large pizza").expectText("How many?");
    bot.clock().advance(Duration.ofMinutes(29));
    bot.say("4").expectText("Delivered?");
    bot.clock().advance(Duration.ofMinutes(31));
    bot.say("yes").expectText("Say \"pizza\".");
    assertThat(bot.state().containsKey("_dialog")).isFalse();
  }

  @Test
  void userStateIsRememberedAcrossConversationsAndBotStateAcrossUsers() {
    bot.say("2 small pizzas").expectText("Delivered?");
    bot.say("yes").expectText("Where to?");
    bot.say("1 Bay Street").expectText(Text.contains("(order 1, 2 sold)"));

    bot.newConversation("second-chat");
    bot.say("3 small pizzas").expectText("Delivered?");
    bot.say("yes").expectText(Text.contains("1 Bay Street (order 2, 5 sold)"));

    bot.as("someone-else");
    bot.say("1 small pizza").expectText("Delivered?");
    bot.say("no").expectText("Where to?");
    bot.say("9 Elm Road").expectText(Text.contains("(order 1, 6 sold)"));
  }

  @Test
  void aFailedTurnChangesNoState() {
    bot.say("2 small pizzas").expectText("Delivered?");
    bot.say("no").expectText("Where to?");
    bot.say("1 Bay Street").expectText(Text.contains("(order 1, 2 sold)"));
    JsonObject before = bot.state();

    Throwable failure = bot.attempt(Message.text("m-boom", bot.ref(), bot.user(), "boom"));

    assertThat(failure).hasMessage("boom");
    assertThat(bot.state()).isEqualTo(before);
    assertThat(bot.profile().getInteger("orders")).as("the handler's set(ORDERS, 99) was dropped").isEqualTo(1);
  }

  @Test
  void interceptorsSeeEveryTurnAndEveryReply() {
    bot.say("psst").expectNoMoreReplies();
    bot.say("tell me a secret").expectText("no secret here");
    bot.expectNoMoreReplies();
  }

  @Test
  void anEventFromTheBotIsQueuedAfterTheTurnAndHandledWithTheConversationsState() {
    bot.say("remind me about the oven").expectText("I will.");
    bot.expectText("Reminder: the oven");
    bot.expectNoMoreReplies();

    bot.say("large pizza").expectText("How many?");
    bot.event("reminder", new JsonObject().put("what", "the dough")).expectText("Reminder: the dough");
    assertThat(bot.state().getJsonObject("_dialog").getString("slot")).as("the form still waits").isEqualTo("count");
    bot.say("2").expectText("Delivered?");
  }

  @Test
  void pastTheReplyWindowOnlyPlatformSpecificRepliesGoOut() {
    try (BotTester meta = BotTester.start(new PizzaTestBot(), Duration.ofHours(24))) {
      meta.say("hello").expectText("Say \"pizza\".");
      meta.clock().advance(Duration.ofHours(20));
      meta.event("reminder", new JsonObject().put("what", "your order")).expectText("Reminder: your order");

      meta.clock().advance(Duration.ofHours(5));
      Throwable refused = meta.attempt(Message.event(meta.ref(), meta.user(), "reminder",
          new JsonObject().put("what", "your order"), meta.clock().millis()));
      assertThat(refused).hasMessageContaining("outside test's reply window (24 h after the user's last message)")
          .hasMessageContaining("Reply.platformSpecific");
      meta.expectNoMoreReplies();
      meta.event("tagged", new JsonObject()).expect(Reply.PlatformSpecific.class);
    }
  }

  @Test
  void aPlatformSpecificReplyFallsBackOnOtherPlatforms() {
    bot.say("native").expectText("for everyone else");
  }

  @Test
  void theTurnLoggerWritesOneLinePerTurnWithoutTheUserId() {
    try (LogCapture log = LogCapture.of(TurnLogger.class)) {
      bot.say("large pizza").expectText("How many?");
      String line = log.await(text -> text.contains("intent=order"));
      assertThat(line).contains("confidence=1.00", "in_form=true", "outcome=ok")
          .matches(".*conversation=[0-9a-f]{8} .*").doesNotContain(bot.user().id());
    }
  }
}
