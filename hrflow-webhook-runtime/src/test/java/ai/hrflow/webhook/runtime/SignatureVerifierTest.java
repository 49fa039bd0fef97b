package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.internal.signature.SignatureHeaders;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureVerifierTest {

  private static final byte[] JSON = "{\"type\":\"profile.parsing.success\",\"x\":\"é\"}".getBytes(StandardCharsets.UTF_8);
  private final SignatureVerifier verifier = new SignatureVerifier(List.of("s3cret"), EnumSet.allOf(SignatureScheme.class));

  @Test
  void matchesTheDocumentationsTestVector() {
    assertEquals(
        "9d101d2bf630748679226b767d2031634c520390ff0e926afc09bc65a05bfdb2",
        WebhookSigner.sign(SignatureScheme.BODY_HEX, "1234", "4567".getBytes(StandardCharsets.US_ASCII)));
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void verifiesWhatTheWriterSignsAndReturnsTheSignedJson(SignatureScheme scheme) {
    Verification verification = verifier.verify(WebhookSigner.sign(scheme, "s3cret", JSON), JSON);
    Verification.Verified verified = assertInstanceOf(Verification.Verified.class, verification);
    assertEquals(scheme, verified.scheme());
    assertArrayEquals(JSON, verified.payload());
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void refusesASchemeThatIsNotAccepted(SignatureScheme scheme) {
    SignatureVerifier others = new SignatureVerifier(List.of("s3cret"), EnumSet.complementOf(EnumSet.of(scheme)));
    Verification verification = others.verify(WebhookSigner.sign(scheme, "s3cret", JSON), JSON);
    assertInstanceOf(Verification.Rejected.class, verification, scheme.name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ".", "a.", ".a", "%%%.$$$", "zz", "üüüü", "000000000000000000000000000000000000000000000000000000000000000", "abc.def.ghi"})
  void rejectsMalformedHeadersWithoutThrowing(String header) {
    assertInstanceOf(Verification.Rejected.class, verifier.verify(header, JSON));
  }

  @Test
  void rejectionReasonsNeverContainTheHeaderOrSecret() {
    String header = WebhookSigner.sign(SignatureScheme.SIGNED_HEX, "other", JSON);
    Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, verifier.verify(header, JSON));
    assertEquals("signature does not match", rejected.reason());
    assertFalse(verifier.toString().contains("s3cret"));
  }

  @Test
  void findsTheHeaderUnderEverySpellingAndReportsConflicts() {
    for (String name :
        List.of(
            "HTTP-HRFLOW-SIGNATURE", "HTTP_HRFLOW_SIGNATURE", "HRFLOW-SIGNATURE", "HrFlow-Signature", "http-riminder-signature", "Riminder-Signature",
            " Http-hrflow-signature ", "http_hrflow_signature", "HRFLOW_SIGNATURE")) {
      assertTrue(SignatureHeaders.isSignatureHeader(name), name);
      assertEquals(List.of("v"), SignatureHeaders.valuesIn(Map.of(name, List.of(" v "))), name);
    }
    for (String name :
        List.of("Signature", "X-HrFlow-Signature", "HRFLOW-SIGNATURES", "Content-Type", "HTTP-", "HTTP-HTTP-HRFLOW-SIGNATURE", "HTTP-HRFLOW-SIGNATUR", "", "  ", "HRFLOW-SIGNATURE-")) {
      assertFalse(SignatureHeaders.isSignatureHeader(name), name);
    }
    assertEquals(Set.of("a", "b"), Set.copyOf(SignatureHeaders.valuesIn(Map.of("HrFlow-Signature", List.of("a", "b")))));
  }
}
