package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link WebhookReceiver#receive(String, Map, InputStream, long)}, the entry point for HTTP frameworks:
 * the same answers as the embedded server, and a body read only as far as it must be.
 */
class StreamingReceiveTest {

  private final RecordingHooks hooks = new RecordingHooks();
  private final WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(hooks.dispatcher()).maxBodyBytes(64 * 1024).build();

  /** A body that fails the test if anything reads it. */
  private static final InputStream UNREADABLE =
      new InputStream() {
        @Override
        public int read() {
          throw new AssertionError("the body was read");
        }
      };

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aSignedEventIsHandledInEveryScheme(SignatureScheme scheme) throws IOException {
    String json = Signed.event("profile.parsing.success");
    byte[] body = Signed.utf8(json);
    WebhookResponse response = receiver.receive("POST", Signed.headers(scheme, json), new ByteArrayInputStream(body), body.length);
    assertEquals(200, response.status(), response.body());
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }

  @Test
  void chunkedBodiesAreReadToo() throws IOException {
    String json = Signed.event("profile.parsing.success");
    byte[] body = Signed.utf8(json);
    assertEquals(200, receiver.receive("POST", Signed.headers(SignatureScheme.BODY_HEX, json), new ByteArrayInputStream(body), -1).status());
  }

  @Test
  void aCallWithoutSignatureIsRefusedWithoutReadingItsBody() throws IOException {
    WebhookResponse response = receiver.receive("POST", Map.of("Content-Type", List.of("application/json")), UNREADABLE, 1000);
    assertEquals(401, response.status());
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void aBadHeaderSignatureIsRefusedWithoutReadingTheBody() throws IOException {
    String json = Signed.event("profile.parsing.success");
    Map<String, List<String>> forged = Signed.headers(SignatureScheme.SIGNED_HEX, "another secret", Signed.utf8(json));
    assertEquals(401, receiver.receive("POST", forged, UNREADABLE, 1000).status());
  }

  @Test
  void otherMethodsAre405AndDeclaredOversizedBodies413WithoutReading() throws IOException {
    String json = Signed.event("profile.parsing.success");
    WebhookResponse get = receiver.receive("GET", Signed.headers(SignatureScheme.BODY_HEX, json), UNREADABLE, -1);
    assertEquals(405, get.status());
    assertEquals("POST", get.headers().get("Allow"));
    assertEquals(413, receiver.receive("POST", Signed.headers(SignatureScheme.BODY_HEX, json), UNREADABLE, 64 * 1024 + 1).status());
  }

  @Test
  void anUndeclaredOversizedBodyIs413() throws IOException {
    byte[] big = new byte[64 * 1024 + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    assertEquals(413, receiver.receive("POST", Signed.headers(SignatureScheme.BODY_HEX, "x"), new ByteArrayInputStream(big), -1).status());
    assertEquals(413, receiver.receive("POST", Signed.headers(SignatureScheme.SIGNED_HEX, Signed.event("a.b")), new ByteArrayInputStream(big), -1).status());
  }

  @Test
  void aBodyShorterThanDeclaredIsAnIOExceptionAndNothingIsDispatched() {
    String json = Signed.event("profile.parsing.success");
    byte[] body = Signed.utf8(json);
    assertThrows(IOException.class, () -> receiver.receive("POST", Signed.headers(SignatureScheme.BODY_HEX, json), new ByteArrayInputStream(body), body.length + 5));
    assertTrue(hooks.types().isEmpty());
  }
}
