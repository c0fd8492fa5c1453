package dev.chatbot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.BotTester;
import dev.chatbot.testkit.Text;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A form as a real checkout needs it: answers kept per user as soon as they are given and skipped next time, a
 * confirmation that can change one answer, and other routes (or the fallback) answering mid-form before the form asks
 * again, or the user leaving it.
 */
class FormConfirmationTest {

  record Delivery(String address, String payment) {}

  /** A shop that only checks out: "basket" and anything about other things are not answers. */
  static final class CheckoutBot extends BotVerticle {

    // tag::confirm[]
    static final Form<Delivery> CHECKOUT = Form.of(Delivery.class)
        .slot("address", Prompt.of("Where to?", text -> text.matches(".*\\d.*") ? text.trim() : null)
            .remember(Scope.USER))                                     // kept at once, skipped next time
        .slot("payment", Prompt.choice("How will you pay?", "Card", "PayPal").remember(Scope.USER))
        .confirm((turn, delivery) -> Reply.quickReplies("Ship to " + delivery.address() + ", pay by "
                + delivery.payment() + "?", List.of(QuickReply.of("Confirm", Form.CONFIRM),
                QuickReply.of("Change address", Form.change("address")))),
            turn -> turn.reply("OK, nothing ordered."))                // a no
        .interruptedBy(turn -> turn.text().contains("basket") || turn.text().startsWith("show me")
            && "address".equals(turn.asking()) ? Map.of() : null)      // not answers: other routes take them
        .onDone((turn, delivery) -> turn.reply("Ordered, to " + delivery.address() + "."));
    // end::confirm[]

    @Override
    public String name() {
      return "checkout-test";
    }

    @Override
    protected void routes(Routes r) {
      r.text("checkout", CHECKOUT);
      r.text("show me {what}", turn -> turn.cancel().compose(left -> turn.reply("Here are " + turn.param("what"))));
      r.fallback(turn -> turn.reply("Your basket: 1 mug."));
    }
  }

  private final BotTester bot = BotTester.start(new CheckoutBot());

  @AfterEach
  void close() {
    bot.close();
  }

  @Test
  void confirmsChangesOneAnswerAndSkipsWhatIsKnownNextTime() {
    bot.say("checkout").expectText("Where to?");
    bot.say("1 Elm Road").expectQuickReplies(Text.equalTo("How will you pay?"));
    bot.say("card").expectQuickReplies(Text.equalTo("Ship to 1 Elm Road, pay by Card?"));
    assertThat(bot.profile().getJsonObject("_slots").getString("address")).as("kept before the order").isEqualTo(
        "1 Elm Road");
    bot.say("change the address").expectText("Where to?");
    bot.say("9 Oak Street").expectQuickReplies(Text.equalTo("Ship to 9 Oak Street, pay by Card?"));
    bot.tap(Form.change("address")).expectText("Where to?");
    bot.say("9 Oak Street").expectQuickReplies(Text.contains("9 Oak Street"));
    bot.tap(Form.CONFIRM).expectText("Ordered, to 9 Oak Street.");
    assertThat(bot.state().containsKey("_dialog")).isFalse();

    BotTester again = bot.newConversation("next-visit");
    again.say("checkout").expectQuickReplies(Text.equalTo("Ship to 9 Oak Street, pay by Card?"));
    again.say("yes please").expectText("Ordered, to 9 Oak Street.");
    bot.expectNoMoreReplies();
  }

  @Test
  void aNoDeclinesAndAnythingElseIsAskedAgain() {
    bot.say("checkout").expectText("Where to?");
    bot.say("1 Elm Road").expectQuickReplies(Text.equalTo("How will you pay?"));
    bot.tap("PayPal").expectQuickReplies(Text.contains("pay by PayPal?"));
    bot.say("maybe").expectText("Please say yes to confirm, or what to change.");
    bot.expectQuickReplies(Text.contains("pay by PayPal?"));
    bot.say("no thanks").expectText("OK, nothing ordered.");
    assertThat(bot.state().containsKey("_dialog")).isFalse();
    bot.expectNoMoreReplies();
  }

  @Test
  void otherRoutesAndTheFallbackAnswerMidFormThenTheFormAsksAgainUnlessTheUserLeft() {
    bot.say("checkout").expectText("Where to?");
    bot.say("what's in my basket").expectText("Your basket: 1 mug.");        // the fallback
    bot.expectText("Where to?");                                              // the form asks again
    bot.say("show me mugs").expectText("Here are mugs");                     // a route that leaves the form
    assertThat(bot.state().containsKey("_dialog")).isFalse();
    bot.say("checkout").expectText("Where to?");
    bot.say("1 Elm Road").expectQuickReplies(Text.equalTo("How will you pay?"));
    bot.say("show me cups").expectText("Please pick one of: Card, PayPal.");  // only while the address is asked
    bot.expectQuickReplies(Text.equalTo("How will you pay?"));
    bot.expectNoMoreReplies();
  }
}
