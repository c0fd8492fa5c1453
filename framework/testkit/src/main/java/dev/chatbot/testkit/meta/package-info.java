/**
 * Testing against Meta without Meta: {@link dev.chatbot.testkit.meta.GraphApiStub} stands in for the Graph API
 * (Messenger Send API and WhatsApp Cloud {@code /messages}) and {@link dev.chatbot.testkit.meta.MetaWebhooks} builds
 * the webhooks Meta would send, signed like Meta signs them (or deliberately not).
 */
package dev.chatbot.testkit.meta;
