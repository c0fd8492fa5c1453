package dev.chatbot.commerce;

/** A change the store refused and did not make: stock short for a line, an order not the user's or already done. */
public final class Refused extends RuntimeException {

  public Refused(String why) {
    super(why, null, false, false);
  }
}
