package dev.chatbot.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/** Passes objects by reference between verticles of one process (bot calls never leave the node). */
final class LocalCodec<T> implements MessageCodec<T, T> {

  private final String name;

  LocalCodec(String name) {
    this.name = name;
  }

  @Override
  public void encodeToWire(Buffer buffer, T o) {
    throw new UnsupportedOperationException("local only: " + name);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException("local only: " + name);
  }

  @Override
  public T transform(T o) {
    return o;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
