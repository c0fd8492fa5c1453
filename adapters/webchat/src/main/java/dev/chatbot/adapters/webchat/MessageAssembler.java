package dev.chatbot.adapters.webchat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Joins a socket's frames into messages, by hand because Vert.x's own joining drops an oversized fragmented message
 * without a word and decodes invalid UTF-8 leniently. Here a message over the limit is dropped as its fragments
 * arrive (never buffered past the limit) and answered like any other oversized frame; invalid UTF-8 in a text
 * message is reported so the socket can be closed with 1007, as RFC 6455 asks. Runs on the socket's event loop.
 */
final class MessageAssembler {

  /** What became of one whole message. */
  interface Listener {
    void text(String text);

    void rejected(ClientFrame.BadFrame bad);

    void invalidUtf8();
  }

  private final int maxBytes;
  private final Listener listener;
  private Buffer pending;
  private boolean binary;
  private boolean oversized;

  MessageAssembler(int maxBytes, Listener listener) {
    this.maxBytes = maxBytes;
    this.listener = listener;
  }

  void frame(WebSocketFrame frame) {
    if (frame.isText() || frame.isBinary()) {
      pending = Buffer.buffer();
      binary = frame.isBinary();
      oversized = false;
    } else if (!frame.isContinuation() || pending == null) {
      return; // ping, pong and close are Vert.x's business
    }
    Buffer data = frame.binaryData();
    if (!oversized && pending.length() + data.length() > maxBytes) {
      oversized = true;
      pending = Buffer.buffer();
    }
    if (!oversized && !binary) {
      pending.appendBuffer(data);
    }
    if (frame.isFinal()) {
      Buffer message = pending;
      pending = null;
      finish(message);
    }
  }

  private void finish(Buffer message) {
    if (binary) {
      listener.rejected(new ClientFrame.BadFrame("binary frames are not supported", null));
    } else if (oversized) {
      listener.rejected(ClientFrame.tooLarge());
    } else {
      try {
        listener.text(StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(message.getBytes())).toString());
      } catch (CharacterCodingException invalid) {
        listener.invalidUtf8();
      }
    }
  }
}
