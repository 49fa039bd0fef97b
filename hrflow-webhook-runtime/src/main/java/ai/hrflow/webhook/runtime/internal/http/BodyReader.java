package ai.hrflow.webhook.runtime.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into memory within the server's {@link BodyBudget}: a declared length is taken
 * from the budget before the first byte is read, a chunked body takes it as it arrives. Memory grows
 * in {@value #STEP}-byte pieces as bytes actually arrive, never with what a client declares.
 */
public final class BodyReader {

  /** The size of each piece a body is read into. */
  static final int STEP = 64 * 1024;

  /** The scratch buffer a discarded body is read through. */
  private static final int DISCARD_BUFFER = 8 * 1024;

  /** What reading gave: the body, or why there is none; {@code taken} bytes of budget are held until given back. */
  public record Body(byte[] bytes, boolean tooLarge, boolean overBudget, long taken) {
    static Body read(byte[] bytes, long taken) {
      return new Body(bytes, false, false, taken);
    }
  }

  private BodyReader() {}

  /**
   * The body, at most {@code limit} bytes.
   *
   * @param declared the Content-Length, or -1 for a chunked body
   * @throws IOException if the client disconnects or sends less than it declared; nothing is then held
   */
  public static Body read(InputStream in, long declared, int limit, BodyBudget budget) throws IOException {
    long taken = 0;
    if (declared >= 0) {
      if (declared > limit) {
        return new Body(null, true, false, 0);
      }
      if (!budget.tryTake(declared)) {
        return new Body(null, false, true, 0);
      }
      taken = declared;
    }
    try {
      List<byte[]> pieces = new ArrayList<>();
      long size = 0;
      while (true) {
        if (declared < 0) {
          if (size >= (long) limit + 1) {
            budget.giveBack(taken);
            return new Body(null, true, false, 0);
          }
          if (!budget.tryTake(STEP)) {
            budget.giveBack(taken);
            return new Body(null, false, true, 0);
          }
          taken += STEP;
        } else if (size == declared) {
          break;
        }
        byte[] piece = new byte[(int) Math.min(STEP, declared >= 0 ? declared - size : STEP)];
        int filled = fill(in, piece);
        if (filled > 0) {
          pieces.add(filled == piece.length ? piece : java.util.Arrays.copyOf(piece, filled));
          size += filled;
        }
        if (filled < piece.length) {
          break; // the stream ended
        }
      }
      if (declared >= 0 && size < declared) {
        throw new IOException("body ended after " + size + " of " + declared + " declared bytes");
      }
      if (size > limit) {
        budget.giveBack(taken);
        return new Body(null, true, false, 0);
      }
      return Body.read(join(pieces, (int) size), taken);
    } catch (IOException | RuntimeException | Error failed) {
      budget.giveBack(taken);
      throw failed;
    }
  }

  /** Reads until {@code piece} is full or the stream ends; {@return how many bytes were read} */
  private static int fill(InputStream in, byte[] piece) throws IOException {
    int filled = 0;
    while (filled < piece.length) {
      int read = in.read(piece, filled, piece.length - filled);
      if (read < 0) {
        break;
      }
      filled += read;
    }
    return filled;
  }

  private static byte[] join(List<byte[]> pieces, int size) {
    if (pieces.size() == 1 && pieces.get(0).length == size) {
      return pieces.get(0);
    }
    byte[] body = new byte[size];
    int at = 0;
    for (byte[] piece : pieces) {
      System.arraycopy(piece, 0, body, at, piece.length);
      at += piece.length;
    }
    return body;
  }

  /** Reads and throws away up to {@code limit} bytes; {@return how many there were} */
  public static long discard(InputStream in, long limit) throws IOException {
    byte[] scratch = new byte[DISCARD_BUFFER];
    long total = 0;
    for (int read; total < limit && (read = in.read(scratch, 0, (int) Math.min(scratch.length, limit - total))) >= 0; ) {
      total += read;
    }
    return total;
  }
}
