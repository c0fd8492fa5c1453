/**
 * Natural-language understanding for bots: the {@link dev.chatbot.nlu.NluEngine} SPI (text and what the bot is asking
 * in, intent and entities out), the data-driven {@link dev.chatbot.nlu.LookupNlu} and the {@link dev.chatbot.nlu.RasaNlu}
 * client for an external NLU server.
 */
package dev.chatbot.nlu;
