package dev.chatbot.nlu;

/**
 * A first check that a typed shipping address is whole before it is kept: "12 Main St, Springfield IL 62704" is, "my
 * house" and "12" are not. It does not look addresses up; it only stops answers that cannot be one.
 */
public final class PostalAddresses {

  /** Longer than this is kept cut: an address is a line, not a letter. */
  public static final int MAX_LENGTH = 200;

  private PostalAddresses() {}

  /** The address with its spaces tidied, when it has a number and words, ten characters or more; else null. */
  public static String read(String text) {
    String address = text.trim().replaceAll("\\s+", " ");
    boolean whole = address.length() >= 10 && address.matches(".*\\d.*") && address.matches(".*\\p{L}.*");
    return whole ? address.substring(0, Math.min(MAX_LENGTH, address.length())) : null;
  }
}
