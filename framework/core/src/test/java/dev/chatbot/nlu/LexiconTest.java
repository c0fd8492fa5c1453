package dev.chatbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

  private static final JsonObject DATA = new JsonObject("""
      {"colour": {"black": ["blk"], "navy": ["navy blue"]}, "material": {"wool": ["merino"]},
       "clear": {"colour": ["any colour"]}, "intent": {"HELP": ["help"]}}
      """);

  // tag::lexicon[]
  private final Lexicon words = new Lexicon()
      .values("colour", DATA.getJsonObject("colour"))      // may be negated
      .values("material", DATA.getJsonObject("material"))
      .marks("clear", DATA.getJsonObject("clear"))         // never negated
      .marks("intent", DATA.getJsonObject("intent"))
      .negations(List.of("no", "not", "doesnt like")).breaks(List.of("but"))
      .butAfter("clear");                                  // "any colour but black"
  // end::lexicon[]

  @Test
  void aNegationCoversWhatFollowsUpToAClauseBreak() {
    // tag::read[]
    Lexicon.Reading reading = words.read("blk or navy blue, not merino");
    // said: colour [black, navy]; negated: material [wool]
    // end::read[]
    assertThat(reading.said("colour")).containsExactly("black", "navy");
    assertThat(reading.negated("material")).containsExactly("wool");
    assertThat(reading.said("material")).isEmpty();

    Lexicon.Reading broken = words.read("not blk but navy blue");
    assertThat(broken.negated("colour")).containsExactly("black");
    assertThat(broken.said("colour")).as("a break word ends the negation").containsExactly("navy");
  }

  @Test
  void marksAreNeverNegatedAndButAfterALetGoNegates() {
    Lexicon.Reading reading = words.read("any colour but blk");
    assertThat(reading.said("clear")).containsExactly("colour");
    assertThat(reading.negated("colour")).containsExactly("black");
    assertThat(words.read("no help").said("intent")).containsExactly("HELP");
  }

  @Test
  void tellsWhatANegationStartsOrEndsAndWhichWordsWereUsed() {
    Lexicon.Reading reading = words.read("no, doesnt like wool");
    assertThat(reading.startsNegated()).isTrue();
    assertThat(reading.negatingAtEnd()).as("still negating: a word read afterwards is negated too").isTrue();
    assertThat(reading.words()).containsExactly("no", ",", "doesnt", "like", "wool");
    assertThat(reading.used()).as("wool is no phrase here, merino is").containsExactly(true, true, true, true, false);
  }
}
