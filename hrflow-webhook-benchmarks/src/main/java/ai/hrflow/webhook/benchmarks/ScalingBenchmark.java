package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How {@link WebhookReceiver#receive} scales: one event whose body grows from 1 KB to 5 MiB (a
 * profile with a long {@code text}), and batches from 1 to 1,000 events of 1 KB. Scheme BODY_HEX,
 * the one that carries large bodies (the signed schemes put the JSON in a header).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ScalingBenchmark {

  private static final String SECRET = "whsec-benchmark-secret";

  /** {@code body-<KiB>}: one event of that size; {@code batch-<n>}: n events of 1 KB. */
  @Param({"body-1", "body-16", "body-256", "body-1024", "body-5120", "batch-1", "batch-10", "batch-100", "batch-1000"})
  public String shape;

  private byte[] body;
  private Map<String, List<String>> headers;
  private WebhookReceiver receiver;

  @Setup
  public void setUp() {
    int size = Integer.parseInt(shape.substring(shape.indexOf('-') + 1));
    body = shape.startsWith("body-") ? Payloads.eventOfAbout(size * 1024 - 64) : Payloads.batch(size);
    headers = BenchmarkReceivers.signed(SignatureScheme.BODY_HEX, SECRET, body);
    receiver = BenchmarkReceivers.checked(SECRET, BenchmarkReceivers.Handler.UNREAD, headers, body);
  }

  /** One request of this shape. */
  @Benchmark
  public WebhookResponse receive() {
    return receiver.receive(headers, body);
  }
}
