package ai.hrflow.webhook.runtime.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body up to a limit. The buffer grows with the bytes that actually arrive (at most
 * doubling), so a client that declares five megabytes and sends one byte costs a few kilobytes.
 */
final class BodyReader {

  private static final int INITIAL_CAPACITY = 8 * 1024;

  private BodyReader() {}

  /**
   * The body.
   *
   * @param declared the Content-Length, or -1 for a chunked body
   * @return the body, or null if it is longer than {@code limit}
   * @throws IOException if the client disconnects or sends less than it declared
   */
  static byte[] read(InputStream in, long declared, int limit) throws IOException {
    long expected = declared >= 0 ? declared : (long) limit + 1;
    byte[] buffer = new byte[(int) Math.min(expected, INITIAL_CAPACITY)];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size == expected) {
          break;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(expected, Math.max(2L * size, INITIAL_CAPACITY)));
      }
      int read = in.read(buffer, size, buffer.length - size);
      if (read < 0) {
        break;
      }
      size += read;
    }
    if (size > limit) {
      return null;
    }
    if (declared >= 0 && size < declared) {
      throw new IOException("body ended after " + size + " of " + declared + " declared bytes");
    }
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }
}
