package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookEvent;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.runtime.decode.EventDecoder;
import ai.hrflow.webhook.runtime.signature.SignatureVerifier;
import ai.hrflow.webhook.runtime.signature.Verification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/** Where receive's time goes: each stage alone, on the 5 KB profile. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class PartsBenchmark {
  @Param({"profile-1k", "profile-5k"})
  public String payload;

  byte[] json;
  String header;
  String bodyHex;
  byte[] segment;
  String segmentText;
  javax.crypto.Mac mac;
  SignatureVerifier verifier;
  EventDecoder decoder;
  WebhookEvent event;
  ObjectMapper plain = new ObjectMapper();

  @Setup
  public void setUp() throws Exception {
    json = Payloads.load(payload);
    header = WebhookSigner.sign(SignatureScheme.SIGNED_HEX, "s", json);
    bodyHex = WebhookSigner.sign(SignatureScheme.BODY_HEX, "s", json);
    segment = java.util.Base64.getUrlEncoder().encode(json);
    segmentText = new String(segment, java.nio.charset.StandardCharsets.US_ASCII);
    headers = java.util.Map.of(WebhookSigner.HEADER_NAME, List.of(header));
    mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("s".getBytes(), "HmacSHA256"));
    verifier = new SignatureVerifier(List.of("s"), EnumSet.allOf(SignatureScheme.class));
    decoder = new EventDecoder(5 << 20, 10_000);
    event = decoder.decode(json).get(0);
  }

  java.util.Map<String, List<String>> headers;
  ai.hrflow.webhook.runtime.signature.Hmac hmac = new ai.hrflow.webhook.runtime.signature.Hmac("s");
  @Benchmark public List<String> headerScan() { return ai.hrflow.webhook.runtime.signature.SignatureHeaders.valuesIn(headers); }
  @Benchmark public byte[] hmacCloned() { return hmac.mac(json); }
  @Benchmark public byte[] latin1() { return header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); }
  @Benchmark public int scanPlusSlash() { return header.indexOf('+', 90) + header.indexOf('/', 90); }
  @Benchmark public byte[] jdkBase64Slice() { return java.util.Base64.getUrlDecoder().decode(java.nio.ByteBuffer.wrap(segment, 4, segment.length - 4)).array(); }
  @Benchmark public Verification verifySignedHex() { return verifier.verify(header, json); }
  @Benchmark public Verification verifyBodyHex() { return verifier.verify(bodyHex, json); }
  @Benchmark public byte[] macReused() { return mac.doFinal(json); }
  @Benchmark public byte[] jdkBase64() { return java.util.Base64.getUrlDecoder().decode(segment); }
  @Benchmark public byte[] codecBase64() { return ai.hrflow.webhook.runtime.signature.Base64Codec.decode(segmentText); }
  @Benchmark public List<WebhookEvent> decode() throws Exception { return decoder.decode(json); }
  @Benchmark public JsonNode plainReadTree() throws Exception { return plain.readTree(json); }
  @Benchmark public Object bind() { return ai.hrflow.webhook.runtime.decode.LenientBinding.bind(event.json().get("profile"), ai.hrflow.webhook.hrjson.Profile.class); }
}
