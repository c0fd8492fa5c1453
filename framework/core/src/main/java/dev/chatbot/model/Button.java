package dev.chatbot.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A card button: either a postback (the payload comes back to the bot) or a link (opens {@code url}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Button(String title, String payload, String url) {

  public static Button postback(String title, String payload) {
    return new Button(title, payload, null);
  }

  public static Button link(String title, String url) {
    return new Button(title, null, url);
  }

  @JsonIgnore
  public boolean isLink() {
    return url != null;
  }

  public Button withTitle(String newTitle) {
    return new Button(newTitle, payload, url);
  }
}
