/**
 * Slack for adapter and bot tests: {@link dev.chatbot.testkit.slack.SlackApiStub} plays the Web API
 * ({@code chat.postMessage}) on a loopback port, {@link dev.chatbot.testkit.slack.SlackRequests} builds signed Events
 * API, interactivity and slash-command requests (and wrongly signed or stale ones).
 */
package dev.chatbot.testkit.slack;
