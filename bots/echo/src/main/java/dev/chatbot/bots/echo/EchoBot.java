package dev.chatbot.bots.echo;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.dialog.Routes;
import dev.chatbot.model.*;
import java.util.List;

/** The smallest useful bot: says back what it is told; "chips" and "cards" show quick replies and a carousel. */
// tag::echo[]
public final class EchoBot extends BotVerticle {
  @Override public String name() { return "echo"; }

  @Override protected void routes(Routes r) {
    r.text("chips", turn -> turn.reply(Reply.quickReplies("Pick one", "Red", "Green", "Blue")));
    r.text("cards", turn -> turn.reply(Reply.cards(List.of(
        Card.of("First", "A card with a button", null, Button.postback("Choose first", "first")),
        Card.of("Second", "Another one", null, Button.postback("Choose second", "second"))))));
    r.fallback(turn -> turn.reply(turn.message().input().isBlank() ? "(nothing to echo)" : turn.message().input()));
  }
}
// end::echo[]
