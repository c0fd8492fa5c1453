package dev.chatbot.bots.appointments;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.dialog.*;
import dev.chatbot.nlu.LookupNlu;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * Books a salon appointment: one form (service, day, hour, name), two intents (book, opening hours), one global
 * handler (help) plus cancel. The diary is bot-wide, so two customers never get the same hour.
 */
public final class AppointmentBot extends BotVerticle {
  // tag::types[]
  enum Service { HAIRCUT, COLOUR, SHAVE }
  enum Day { MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY }

  record Booking(Service service, Day day, int hour, String name) {
    String when() {
      return day.name().charAt(0) + day.name().substring(1).toLowerCase() + " at " + hour + ":00";
    }
  }

  /** Who has each hour: "FRIDAY 10" to a name. */
  record Diary(Map<String, String> taken) {}

  static final StateKey<Booking> BOOKED = StateKey.conversation("booked", Booking.class);
  static final StateKey<Diary> DIARY = StateKey.bot("diary", Diary.class).orElse(new Diary(Map.of()));
  static final String HOURS = "We are open Monday to Saturday, 9:00 to 18:00.";
  // end::types[]

  // tag::form[]
  static final Form<Booking> BOOKING = Form.of(Booking.class)
      .slot("service", Prompt.choice("Which service would you like?", Service.values()))
      .slot("day", Prompt.choice("Which day?", Day.values()))
      .slot("hour", "number", Prompt.integer("At what time? We book on the hour, from 9 to 17.")
          .validate(hour -> hour >= 9 && hour <= 17, "We book from 9 to 17."))
      .slot("name", Prompt.text("And your name?").remember(Scope.USER))
      .interruptedBy(When.intent("hours"))
      .onDone(AppointmentBot::confirm);
  // end::form[]

  // tag::routes[]
  @Override public String name() { return "appointments"; }

  @Override
  protected void routes(Routes r) {
    r.nlu(LookupNlu.fromResource("/appointments-nlu.yaml"));
    r.global(When.intent("help"), turn -> turn.reply("I book haircuts, colours and shaves: try \"a haircut on "
        + "Friday at 10\". Say \"cancel\" to stop."));
    r.global(When.intent("cancel"), turn -> turn.cancel().compose(v -> turn.reply("Cancelled.")));
    r.intent("book", BOOKING);
    r.intent("hours", turn -> turn.reply(HOURS));
    r.fallback(turn -> turn.reply("Sorry, I only book appointments. Say \"help\" to see how."));
  }
  // end::routes[]

  // tag::confirm[]
  private static Future<Void> confirm(Turn turn, Booking booking) {
    String hour = booking.day() + " " + booking.hour();
    return turn.change(DIARY, diary -> {
      if (diary.taken().containsKey(hour)) {
        throw new IllegalStateException("taken");
      }
      Map<String, String> taken = new HashMap<>(diary.taken());
      taken.put(hour, booking.name());
      return new Diary(taken);
    }).compose(
        diary -> {
          turn.set(BOOKED, booking);
          return turn.reply("Booked: " + booking.service().name().toLowerCase() + " on " + booking.when()
              + " for " + booking.name() + ". See you then!");
        },
        taken -> turn.reply("Sorry, " + booking.when() + " is taken. Say \"book\" to pick another time."));
  }
  // end::confirm[]
}
