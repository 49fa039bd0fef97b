package ai.hrflow.webhook.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to a {@link WebhookServer} over real sockets: java.net.http, or raw bytes for what it refuses to send. */
final class HttpTestClient {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  HttpTestClient(int port) {
    this.port = port;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** POSTs {@code json} to {@code /webhooks}, signed in {@code scheme} with {@code secret}. */
  HttpResponse<String> postSigned(SignatureScheme scheme, String secret, String json) throws IOException, InterruptedException {
    byte[] body = Signed.utf8(json);
    return send(
        HttpRequest.newBuilder(uri("/webhooks"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(WebhookSigner.HEADER_NAME, WebhookSigner.sign(scheme, secret, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  HttpResponse<String> postSigned(String json) throws IOException, InterruptedException {
    return postSigned(SignatureScheme.SIGNED_HEX, Signed.SECRET, json);
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code head} (request line and headers, CRLF-terminated, without the blank line) and
   * {@code body} on a raw socket, and returns what the server answered before closing or {@code
   * timeoutMillis}.
   */
  String raw(String head, byte[] body, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      byte[] buffer = new byte[8192];
      try {
        for (int read; (read = in.read(buffer)) != -1; ) {
          answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
          if (answer.indexOf("\r\n\r\n") > 0 && complete(answer)) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException | java.net.SocketException ended) {
        // the server went quiet or reset the connection: return what came
      }
      return answer.toString();
    }
  }

  private static boolean complete(StringBuilder answer) {
    int headEnd = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return false;
    }
    int end = head.indexOf("\r\n", at);
    int length = Integer.parseInt(head.substring(at + 15, end < 0 ? head.length() : end).strip());
    return answer.length() - headEnd - 4 >= length;
  }
}
