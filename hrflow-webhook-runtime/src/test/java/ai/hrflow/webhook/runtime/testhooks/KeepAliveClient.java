package ai.hrflow.webhook.runtime.testhooks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A sender on one keep-alive HTTP/1.1 connection, reopened when the server closes it, written on a
 * plain socket: what a webhook sender does, and nothing more. Load tests use it rather than
 * java.net.http because JDK 17's {@code HttpClient} can itself discard an answer (see
 * BENCHMARKS.md, "The lost answer"). One thread per instance.
 */
public final class KeepAliveClient implements AutoCloseable {

  /** One answer: its status and body. */
  public record Answer(int status, String body, String retryAfter) {}

  private final int port;
  private final String path;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A client of {@code http://127.0.0.1:port/path}; it connects on first use. */
  public KeepAliveClient(int port, String path) {
    this.port = port;
    this.path = path;
  }

  /**
   * POSTs {@code json} signed (SIGNED_HEX) with {@code secret}.
   *
   * @throws IOException if the connection dropped before a whole answer came; it is closed, and the
   *     next call opens another
   */
  public Answer post(String secret, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n" + WebhookSigner.HEADER_NAME + ": "
            + WebhookSigner.sign(SignatureScheme.SIGNED_HEX, secret, body) + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    try {
      if (socket == null) {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
      }
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      String statusLine = line();
      if (statusLine == null) {
        throw new EOFException("the connection closed before any answer");
      }
      int length = 0;
      boolean close = false;
      String retryAfter = null;
      for (String header = line(); header != null && !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(header.substring("content-length:".length()).strip());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        } else if (lower.startsWith("retry-after:")) {
          retryAfter = header.substring("retry-after:".length()).strip();
        }
      }
      byte[] answer = in.readNBytes(length);
      if (answer.length < length) {
        throw new EOFException("the connection closed in the middle of an answer");
      }
      if (close) {
        close();
      }
      return new Answer(Integer.parseInt(statusLine.split(" ")[1]), new String(answer, StandardCharsets.UTF_8), retryAfter);
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        return line.toString().strip();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
