package ai.hrflow.webhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.hrflow.webhook.inbox.WebhookInbox;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.testing.WebhookTester;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * {@code hrflow.webhook.inbox.enabled=true} on the application's DataSource (H2, as Boot configures
 * it): the call is answered once the event is stored, and a handler that throws is retried from the
 * inbox until it succeeds.
 */
@SpringBootTest(
    classes = SpringInboxTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hrflow.webhook.secret=" + SpringInboxTest.SECRET,
      "hrflow.webhook.inbox.enabled=true",
      "hrflow.webhook.inbox.workers=4",
      "hrflow.webhook.inbox.first-retry=200ms",
      "hrflow.webhook.inbox.max-retry=1s",
      "hrflow.webhook.inbox.polling-interval=100ms",
      "spring.datasource.url=jdbc:h2:mem:hrflow-inbox-test;DB_CLOSE_DELAY=-1",
      "management.endpoint.health.show-details=always"
    })
class SpringInboxTest {

  static final String SECRET = "spring-inbox-test-secret";

  /** Attempts, as "key:outcome". */
  static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

  /** A handler whose downstream is down for the first attempt of each event. */
  static class FlakyProfiles implements ProfileHooks {
    @Override
    public void onProfileParsingSuccess(ProfilePayload event) {
      String key = event.profile().key();
      boolean first = ATTEMPTS.stream().noneMatch(attempt -> attempt.startsWith(key + ":"));
      ATTEMPTS.add(key + (first ? ":failed" : ":handled"));
      if (first) {
        throw new IllegalStateException("the ATS is down");
      }
    }
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    @Bean
    FlakyProfiles flaky() {
      return new FlakyProfiles();
    }
  }

  @LocalServerPort int port;

  @Autowired WebhookInbox inbox;

  @Autowired MeterRegistry meters;

  @Test
  void aFailingHandlersEventIsRetriedFromTheInboxAndHandled() throws Exception {
    WebhookResponse response = WebhookTester.of(URI.create("http://127.0.0.1:" + port + "/webhooks"), SECRET).send("profile.parsing.success");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"events\":1,\"queued\":1,\"unhandled\":0}");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(ATTEMPTS.size() == 2 && inbox.stats().pending() == 0) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ATTEMPTS).hasSize(2).allMatch(attempt -> attempt.endsWith(":failed") || attempt.endsWith(":handled"));
    assertThat(ATTEMPTS.get(0)).endsWith(":failed");
    assertThat(ATTEMPTS.get(1)).endsWith(":handled");
    assertThat(inbox.stats().pending()).isZero();
    assertThat(meters.get(WebhookMetrics.EVENTS).tags("type", "profile.parsing.success", "outcome", "retrying").counter().count()).isEqualTo(1);
    assertThat(meters.get(WebhookMetrics.EVENTS).tags("type", "profile.parsing.success", "outcome", "handled").counter().count()).isEqualTo(1);
    RawHttp.Answer health = RawHttp.send(port, "GET", "/actuator/health", Map.of(), new byte[0]);
    assertThat(health.body()).contains("\"hrflowWebhook\"").contains("\"inbox\":{\"pending\":0,\"retrying\":0,\"dead\":0");
  }
}
