/** Server bootstrap: configuration to a running router, adapters and bots; health, metrics and graceful shutdown. */
package dev.chatbot.server;
