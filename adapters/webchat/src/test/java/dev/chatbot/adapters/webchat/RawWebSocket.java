package dev.chatbot.adapters.webchat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket spoken by hand, for the frames a real client library refuses to send (a text frame that is not
 * UTF-8). Frames from the server are read as RFC 6455 lays them out; frames to it are masked as a client's must be.
 */
final class RawWebSocket implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.socket.setSoTimeout(10_000);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static RawWebSocket open(int port, String path) throws IOException {
    RawWebSocket ws = new RawWebSocket(new Socket("127.0.0.1", port));
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    ws.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
        + Base64.getEncoder().encodeToString(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    ws.out.flush();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) ws.in.readUnsignedByte());
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + head);
    }
    return ws;
  }

  void sendText(byte[] payload) throws IOException {
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81); // final text frame
    frame.write(0x80 | payload.length); // masked, short length
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /** The payload of the next text frame. */
  String readTextFrame() throws IOException {
    Frame frame = readFrame();
    if (frame.opcode != 1) {
      throw new IOException("expected a text frame, got opcode " + frame.opcode);
    }
    return new String(frame.payload, StandardCharsets.UTF_8);
  }

  /** Reads frames until the server's close frame, and returns its status code. */
  int awaitCloseCode() throws IOException {
    while (true) {
      Frame frame = readFrame();
      if (frame.opcode == 8) {
        return ((frame.payload[0] & 0xFF) << 8) | (frame.payload[1] & 0xFF);
      }
    }
  }

  private record Frame(int opcode, byte[] payload) {}

  private Frame readFrame() throws IOException {
    int first = in.readUnsignedByte();
    long length = in.readUnsignedByte() & 0x7F; // server frames are not masked
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0F, payload);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
