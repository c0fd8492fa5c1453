/**
 * The Slack platform: Events API, interactivity (button taps) and slash commands in, {@code chat.postMessage} with
 * Block Kit out. {@link dev.chatbot.adapters.slack.SlackAdapter} wires a verifier, three parsers, a renderer and a
 * sender.
 */
package dev.chatbot.adapters.slack;
