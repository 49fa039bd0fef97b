package ai.hrflow.webhook.runtime.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP call with one deadline for all of it, headers and body, and a bound on the answer's size.
 * {@code HttpClient}'s own time-out stops at the response headers: a server that then trickles its
 * body a byte a second would hold the caller forever. For the API client, the CLI and the test kit.
 */
public final class BoundedCall {

  private BoundedCall() {}

  /** The answer was larger than the caller accepts. */
  public static final class AnswerTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    AnswerTooLargeException(int maxBytes) {
      super("the answer is larger than " + maxBytes + " bytes");
    }
  }

  /**
   * Sends {@code request} and reads the whole answer within {@code deadline}, refusing an answer
   * larger than {@code maxBytes}.
   *
   * @throws HttpTimeoutException if the whole answer did not arrive within the deadline
   * @throws AnswerTooLargeException if the answer is larger than {@code maxBytes}
   * @throws IOException if the call failed
   */
  public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration deadline, int maxBytes)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, info -> new CappedBody(maxBytes));
    try {
      return call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      call.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause.getMessage(), cause);
    } catch (InterruptedException interrupted) {
      call.cancel(true);
      throw interrupted;
    }
  }

  /** Collects a body up to a size, and fails the call beyond it. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > maxBytes) {
          subscription.cancel();
          body.completeExceptionally(new AnswerTooLargeException(maxBytes));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }
}
