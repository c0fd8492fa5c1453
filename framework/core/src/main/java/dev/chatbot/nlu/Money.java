package dev.chatbot.nlu;

import java.math.BigDecimal;

/** An amount in a currency ({@code USD}, {@code EUR}, {@code GBP}; null when the text named none). */
public record Money(BigDecimal amount, String currency) {}
