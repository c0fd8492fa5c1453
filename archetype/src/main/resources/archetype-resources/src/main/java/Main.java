package ${package};

import dev.chatbot.deploy.Chatbot;

/** Starts the server with this project's bot and every adapter whose variables are set. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Chatbot.run(args);
  }
}
