package dev.chatbot.model;

import java.util.Objects;

/** Who wrote a message: the platform's user id and, where the platform tells, a display name. */
public record UserRef(String platform, String id, String name) {

  public UserRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
  }

  public static UserRef of(String platform, String id) {
    return new UserRef(platform, id, null);
  }

  /** A stable key for per-user data that outlives one conversation (a profile). */
  public String key() {
    return platform + ":" + id;
  }
}
