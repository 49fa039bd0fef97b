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
@Fork(1)
public class PartsBenchmark {
  @Param({"profile-5k"})
  public String payload;

  byte[] json;
  String header;
  String bodyHex;
  byte[] segment;
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
    mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("s".getBytes(), "HmacSHA256"));
    verifier = new SignatureVerifier(List.of("s"), EnumSet.allOf(SignatureScheme.class));
    decoder = new EventDecoder(5 << 20, 10_000);
    event = decoder.decode(json).get(0);
  }

  @Benchmark public Verification verifySignedHex() { return verifier.verify(header, json); }
  @Benchmark public Verification verifyBodyHex() { return verifier.verify(bodyHex, json); }
  @Benchmark public byte[] macReused() { return mac.doFinal(json); }
  @Benchmark public byte[] jdkBase64() { return java.util.Base64.getUrlDecoder().decode(segment); }
  @Benchmark public byte[] tableBase64() { return ai.hrflow.webhook.runtime.signature.Base64Codec.decode(segment, 0, segment.length); }
  @Benchmark public List<WebhookEvent> decode() throws Exception { return decoder.decode(json); }
  @Benchmark public JsonNode plainReadTree() throws Exception { return plain.readTree(json); }
  @Benchmark public Object bind() { return ai.hrflow.webhook.runtime.decode.LenientBinding.bind(event.json().get("profile"), ai.hrflow.webhook.hrjson.Profile.class); }
}
