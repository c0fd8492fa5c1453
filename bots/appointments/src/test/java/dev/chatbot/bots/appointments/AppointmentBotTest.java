package dev.chatbot.bots.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Reply;
import dev.chatbot.testkit.BotTester;
import dev.chatbot.testkit.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// tag::test[]
class AppointmentBotTest {

  private final BotTester bot = BotTester.start(new AppointmentBot());

  @AfterEach
  void close() {
    bot.close();
  }

  @Test
  void oneMessageFillsEverythingItNamesAndOnlyTheRestIsAsked() {
    bot.say("I'd like a haircut on Friday at 10").expectText("And your name?");
    bot.say("Ann").expectText("Booked: haircut on Friday at 10:00 for Ann. See you then!");
    assertThat(bot.state("booked", AppointmentBot.Booking.class)).isEqualTo(new AppointmentBot.Booking(
        AppointmentBot.Service.HAIRCUT, AppointmentBot.Day.FRIDAY, 10, "Ann"));
    bot.expectNoMoreReplies();
  }

  // end::test[]
  @Test
  void stepByStepWithWrongAnswersHelpAndOpeningHoursOnTheWay() {
    Reply.QuickReplies services = bot.say("can I get an appointment?")
        .expectQuickReplies(Text.equalTo("Which service would you like?"));
    assertThat(services.options()).extracting(o -> o.title()).containsExactly("Haircut", "Colour", "Shave");
    bot.tap("Colour").expectQuickReplies(Text.equalTo("Which day?"));
    bot.say("sunday").expectText("Please pick one of: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.");
    bot.expectQuickReplies(Text.equalTo("Which day?"));
    bot.say("sat").expectText(Text.contains("At what time?"));
    bot.say("8").expectText("We book from 9 to 17.");
    bot.expectText(Text.contains("At what time?"));
    bot.say("help").expectText(Text.contains("I book haircuts"));
    bot.expectText(Text.contains("At what time?"));
    bot.say("when are you open?").expectText(AppointmentBot.HOURS);
    bot.expectText(Text.contains("At what time?"));
    bot.say("eleven").expectText("And your name?");
    bot.say("Bo").expectText("Booked: colour on Saturday at 11:00 for Bo. See you then!");
  }

  @Test
  void theNameIsAskedOncePerUserAndAnHourIsNeverBookedTwice() {
    bot.say("book a shave on monday at 9").expectText("And your name?");
    bot.say("Cy").expectText(Text.startsWith("Booked: shave on Monday at 9:00 for Cy"));

    bot.newConversation("next-week");
    bot.say("book a trim on tuesday at 9").expectText(Text.startsWith("Booked: haircut on Tuesday at 9:00 for Cy"));

    bot.as("dee");
    bot.say("book a shave on monday at 9").expectText("And your name?");
    bot.say("Dee").expectText("Sorry, Monday at 9:00 is taken. Say \"book\" to pick another time.");
    assertThat(bot.state().containsKey("booked")).isFalse();
  }

  @Test
  void cancelEndsTheFormAnywhere() {
    bot.say("book a haircut").expectQuickReplies(Text.equalTo("Which day?"));
    bot.say("never mind").expectText("Cancelled.");
    bot.say("Friday").expectText("Sorry, I only book appointments. Say \"help\" to see how.");
  }
}
