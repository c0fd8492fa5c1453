package dev.chatbot.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A TCP connection speaking HTTP/1.1 by hand, for tests of what a well-behaved client never does: go silent, dribble
 * headers, hang up mid-body. It may come from any loopback address (127.0.0.2 is "another client").
 */
final class RawConnection implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  static RawConnection open(int port) {
    return open("127.0.0.1", port);
  }

  static RawConnection open(String fromAddress, int port) {
    try {
      Socket socket = new Socket();
      socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return new RawConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes, returning false when the server has already closed the connection. */
  boolean write(String text) {
    return write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  boolean write(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** True when the server closes (or resets) the connection within {@code timeout}, reading whatever it sent. */
  boolean closedWithin(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buffer = new byte[8192];
    try {
      while (System.nanoTime() < deadline) {
        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        if (in.read(buffer) < 0) {
          return true;
        }
      }
      return false;
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** The status code of the response to what was written (its body read and dropped). */
  int status(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      StringBuilder head = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0) {
        head.append((char) b);
        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
          break;
        }
      }
      String text = head.toString();
      if (!text.startsWith("HTTP/1.1 ")) {
        throw new AssertionError("no HTTP response, got '" + text + "'");
      }
      java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
      in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
      return Integer.parseInt(text.substring(9, 12));
    } catch (IOException e) {
      throw new AssertionError("no HTTP response: " + e, e);
    }
  }

  /** Closes with a TCP reset instead of a graceful close, as a client that crashes mid-upload does. */
  void reset() {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
