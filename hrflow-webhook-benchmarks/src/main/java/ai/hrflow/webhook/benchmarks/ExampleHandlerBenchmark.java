package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import com.example.hrflow.PrintingHooks;
import com.example.hrflow.RecruitingHooksDispatcher;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.*;

/** What the example's handler adds to receive: binding the profile and printing a line (to nowhere). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExampleHandlerBenchmark {
  byte[] body;
  Map<String, List<String>> headers;
  WebhookReceiver example;
  WebhookReceiver noop;

  @Setup
  public void setUp() {
    Logger.getLogger("ai.hrflow.webhook").setLevel(Level.WARNING);
    body = Payloads.load("profile-1k");
    headers = Map.of(WebhookSigner.HEADER_NAME, List.of(WebhookSigner.sign(SignatureScheme.SIGNED_HEX, "s", body)));
    example = WebhookReceiver.builder().secret("s").dispatcher(new RecruitingHooksDispatcher(new PrintingHooks(new PrintStream(OutputStream.nullOutputStream())))).build();
    noop = WebhookReceiver.builder().secret("s").dispatcher(new BenchmarkHooksDispatcher((ProfilePayload event) -> {})).build();
  }

  @Benchmark public WebhookResponse example() { return example.receive(headers, body); }
  @Benchmark public WebhookResponse noop() { return noop.receive(headers, body); }
}
