/** The adapter SPI: what a platform module implements ({@link dev.chatbot.spi.PlatformAdapter}) and gets. */
package dev.chatbot.spi;
