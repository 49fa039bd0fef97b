package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.hrjson.Profile;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookEvent;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.runtime.internal.decode.EventDecoder;
import ai.hrflow.webhook.runtime.internal.decode.LenientBinding;
import ai.hrflow.webhook.runtime.internal.signature.Base64Codec;
import ai.hrflow.webhook.runtime.internal.signature.Hmac;
import ai.hrflow.webhook.runtime.internal.signature.SignatureHeaders;
import ai.hrflow.webhook.runtime.SignatureVerifier;
import ai.hrflow.webhook.runtime.Verification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
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

/** Where receive's time goes: each stage alone, next to the floor's two parts (HMAC, tree parse). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class PartsBenchmark {

  private static final String SECRET = "s";

  @Param({"profile-1k", "profile-5k"})
  public String payload;

  private byte[] json;
  private Map<String, List<String>> headers;
  private String signedHex;
  private String bodyHex;
  private byte[] segment;
  private String segmentText;
  private Mac mac;
  private Hmac hmac;
  private SignatureVerifier verifier;
  private EventDecoder decoder;
  private WebhookEvent event;
  private final ObjectMapper plain = new ObjectMapper();

  @Setup
  public void setUp() throws Exception {
    json = Payloads.load(payload);
    signedHex = WebhookSigner.sign(SignatureScheme.SIGNED_HEX, SECRET, json);
    bodyHex = WebhookSigner.sign(SignatureScheme.BODY_HEX, SECRET, json);
    headers = Map.of(WebhookSigner.HEADER_NAME, List.of(signedHex));
    segmentText = Base64.getUrlEncoder().encodeToString(json);
    segment = segmentText.getBytes(StandardCharsets.US_ASCII);
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    hmac = new Hmac(SECRET);
    verifier = new SignatureVerifier(List.of(SECRET), EnumSet.allOf(SignatureScheme.class));
    decoder = new EventDecoder(5 << 20, 10_000);
    event = WebhookEvent.of(decoder.decode(json).events().get(0));
  }

  /** Finding the signature among the headers. */
  @Benchmark
  public List<String> headerScan() {
    return SignatureHeaders.valuesIn(headers);
  }

  /** The whole check of a signed-hex header: base64, HMAC of the JSON, constant-time compare. */
  @Benchmark
  public Verification verifySignedHex() {
    return verifier.verify(signedHex, json);
  }

  /** The whole check of a body-hex header. */
  @Benchmark
  public Verification verifyBodyHex() {
    return verifier.verify(bodyHex, json);
  }

  /** The floor's HMAC: one keyed {@code Mac} reused. */
  @Benchmark
  public byte[] macReused() {
    return mac.doFinal(json);
  }

  /** The library's HMAC: the keyed {@code Mac} cloned, which is what makes it thread-safe. */
  @Benchmark
  public byte[] hmacCloned() {
    return hmac.mac(json);
  }

  /** The JDK's URL-safe decoder on bytes, the fastest base64 decoding at hand. */
  @Benchmark
  public byte[] jdkBase64() {
    return Base64.getUrlDecoder().decode(segment);
  }

  /** The library's decoding of the signed segment: alphabet detection, then the JDK's decoder. */
  @Benchmark
  public byte[] codecBase64() {
    return Base64Codec.decode(segmentText);
  }

  /** The library's strict, bounded decoding into the events' JSON objects. */
  @Benchmark
  public List<JsonNode> decode() throws Exception {
    return decoder.decode(json).events();
  }

  /** The floor's tree parse: a default {@code ObjectMapper}. */
  @Benchmark
  public JsonNode plainReadTree() throws Exception {
    return plain.readTree(json);
  }

  /**
   * Binding the HR-JSON profile as the library does, on first access only: the generated binder walks
   * the tree decoding built.
   */
  @Benchmark
  public Profile bind() {
    return LenientBinding.bind(event.json().get("profile"), Profile.class);
  }

  /** The design before: Jackson's lenient reader over the tree ({@code treeToValue}), a second pass. */
  @Benchmark
  public Profile bindJacksonFromTree() throws Exception {
    return LenientBinding.readerFor(Profile.class).readValue(event.json().get("profile"));
  }

  /**
   * The alternative: the same lenient Jackson reader straight from the event's bytes (a second parse,
   * but no tree), into a holder of the profile alone.
   */
  @Benchmark
  public Profile bindJacksonFromBytes() throws Exception {
    return LenientBinding.readerFor(ProfileHolder.class).<ProfileHolder>readValue(json).profile();
  }

  /** An event with only its profile, for {@link #bindJacksonFromBytes}. */
  public record ProfileHolder(Profile profile) {}
}
