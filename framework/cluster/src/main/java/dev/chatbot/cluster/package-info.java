/**
 * {@code STATE_STORE=cluster}: several replicas as one Vert.x cluster on the Hazelcast cluster manager. State,
 * profiles and dedupe live in Hazelcast maps with a backup copy; each conversation is handled by its owner member.
 * Loaded by the core through {@link dev.chatbot.spi.StateBackend} ({@code META-INF/services}).
 */
package dev.chatbot.cluster;
