package dev.chatbot.nlu;

/**
 * One thing found in the text.
 *
 * @param name what it is: {@code number}, {@code money}, {@code range}, or a name from the engine's data ({@code size})
 * @param value the normalised value: a {@code String} (a canonical name), a {@link java.math.BigDecimal}, a
 *     {@link Money} or a {@link Range}
 * @param text the words it came from
 */
public record Entity(String name, Object value, String text) {}
