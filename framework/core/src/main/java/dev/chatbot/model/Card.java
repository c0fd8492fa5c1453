package dev.chatbot.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One element of a carousel: a picture, a title, a subtitle and a few buttons. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(String title, String subtitle, String imageUrl, List<Button> buttons) {

  public Card {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  public static Card of(String title, String subtitle, String imageUrl, Button... buttons) {
    return new Card(title, subtitle, imageUrl, List.of(buttons));
  }
}
