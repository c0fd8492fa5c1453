package dev.chatbot.nlu;

import java.util.List;

/**
 * What the bot is waiting for when a message arrives.
 *
 * @param slot the name of the slot being asked (an entity of that name fills it), or null when nothing is asked
 * @param expects what kind of answer the slot takes: {@code text}, {@code number}, {@code choice}, {@code yes_no}
 * @param choices for {@code choice}: the options offered
 * @param platform the conversation's platform, for engines that care
 */
public record NluContext(String slot, String expects, List<String> choices, String platform) {

  /** Nothing asked. */
  public static NluContext none(String platform) {
    return new NluContext(null, null, List.of(), platform);
  }

  public NluContext {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public boolean asking() {
    return slot != null;
  }
}
