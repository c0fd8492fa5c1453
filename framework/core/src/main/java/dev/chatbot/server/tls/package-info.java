/** HTTPS: checking the PEM certificate and key at startup, and reloading them when they are renewed. */
package dev.chatbot.server.tls;
