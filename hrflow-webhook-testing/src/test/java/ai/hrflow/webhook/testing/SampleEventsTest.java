package ai.hrflow.webhook.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookEvent;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import ai.hrflow.webhook.runtime.testhooks.FakeHrFlow;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SampleEventsTest {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyCatalogTypeHasARealisticSampleOfItsFamily(EventType type) {
    WebhookEvent event = SampleEvents.event(type.type());
    assertEquals(type.type(), event.type());
    assertEquals(type.description(), event.text("message"));
    switch (type.family()) {
      case PROFILE -> {
        ProfilePayload payload = new ProfilePayload(event);
        assertEquals("Ada Lovelace", payload.profile().info().fullName());
        assertEquals(Instant.parse("2024-03-12T09:41:27Z"), payload.profile().createdAt());
        assertFalse(payload.profile().skills().isEmpty());
      }
      case JOB -> {
        JobPayload payload = new JobPayload(event);
        assertEquals("Backend Engineer (Java)", payload.job().name());
        assertEquals(42L, payload.job().id());
      }
      case ACTION -> {
        ActionPayload payload = new ActionPayload(event);
        assertNotNull(payload.profile().key());
        assertNotNull(payload.job().key());
        assertEquals("yes", payload.stage());
        assertEquals(4.0, payload.rating());
      }
    }
  }

  @Test
  void typesOutsideTheCatalogGetTheirFamilysSampleOrNone() {
    assertEquals("Ada Lovelace", new ProfilePayload(SampleEvents.event("profile.tagging.success")).profile().info().fullName());
    assertEquals(List.of("type", "message"), List.copyOf(iterable(SampleEvents.node("board.created.success").fieldNames())));
  }

  @Test
  void testerDrivesAHandlerInProcessInEveryScheme() {
    RecordingHooks hooks = new RecordingHooks();
    WebhookTester tester = WebhookTester.of(hooks.dispatcher());
    for (SignatureScheme scheme : SignatureScheme.values()) {
      assertEquals(200, tester.scheme(scheme).send("profile.parsing.success").status());
    }
    assertEquals(200, tester.sendBatch("job.embedding.error", "action.stage.success").status());
    assertEquals(
        List.of("profile.parsing.success", "profile.parsing.success", "profile.parsing.success", "profile.parsing.success", "job.embedding.error", "action.stage.success"),
        hooks.types());
  }

  @Test
  void testerDrivesARunningServer() {
    RecordingHooks hooks = new RecordingHooks();
    WebhookReceiver receiver = WebhookReceiver.builder().secret("server-secret").dispatcher(hooks.dispatcher()).build();
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      WebhookTester tester = WebhookTester.of(URI.create("http://localhost:" + server.port() + "/webhooks"), "server-secret");
      assertEquals(200, tester.send("job.parsing.success").status());
      assertEquals(401, WebhookTester.of(URI.create("http://localhost:" + server.port() + "/webhooks"), "wrong").send("job.parsing.success").status());
    }
    assertEquals(List.of("job.parsing.success"), hooks.types());
  }

  @Test
  void aServerThatTricklesItsAnswerFailsTheCallAtTheDeadline() throws Exception {
    try (FakeHrFlow trickling = new FakeHrFlow()) {
      trickling.trickles().answers(200, "{\"events\":1," + " ".repeat(100) + "\"handled\":1}");
      WebhookTester tester = WebhookTester.of(trickling.baseUrl(), "s").timeout(Duration.ofSeconds(1));
      long started = System.nanoTime();
      UncheckedIOException late = assertThrows(UncheckedIOException.class, () -> tester.send("job.parsing.success"));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(late.getCause() instanceof HttpTimeoutException, late.toString());
      assertTrue(millis < 3_000, "took " + millis + " ms");
    }
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> items = new java.util.ArrayList<>();
    iterator.forEachRemaining(items::add);
    return items;
  }
}
