package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-process cost of {@link WebhookReceiver#receive} (verify, decode, dispatch to a handler that
 * reads its payload or not, under the default logging configuration) against its floor in the same
 * run: one HMAC-SHA256 over the same bytes plus one Jackson {@code readTree} of the same JSON.
 *
 * <p>Each fork runs with a fixed, pre-touched 4 GiB heap. Without a fixed heap, G1 grows the young
 * generation during the run and every fresh region is first touched by allocation: on this class of
 * machine the kernel's page zeroing then costs more than the code measured (a 1.4 KB array copy
 * measured 4-6 µs instead of 0.07), on receive and floor alike, at random. With 1 GiB, the
 * 100-event signed case (about 1 MB allocated per call) varied between 335 and 600 µs within a fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ReceiveBenchmark {

  private static final String SECRET = "whsec-benchmark-secret";

  @Param({"profile-1k", "profile-5k", "batch-100"})
  public String payload;

  @Param({"SIGNED_HEX", "BODY_HEX"})
  public SignatureScheme scheme;

  @Param({"UNREAD", "READING"})
  public BenchmarkReceivers.Handler handler;

  private byte[] json;
  private Map<String, List<String>> headers;
  private WebhookReceiver receiver;
  private Mac mac;
  private ObjectMapper mapper;

  @Setup
  public void setUp() throws GeneralSecurityException {
    json = Payloads.load(payload);
    headers = BenchmarkReceivers.signed(scheme, SECRET, json);
    receiver = BenchmarkReceivers.checked(SECRET, handler, headers, json);
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mapper = new ObjectMapper();
  }

  /** The whole receive path. */
  @Benchmark
  public WebhookResponse receive() {
    return receiver.receive(headers, json);
  }

  /** The floor: one HMAC over the JSON and one tree parse of it, nothing else. */
  @Benchmark
  public JsonNode floor(Blackhole blackhole) throws IOException {
    blackhole.consume(mac.doFinal(json));
    return mapper.readTree(json);
  }
}
