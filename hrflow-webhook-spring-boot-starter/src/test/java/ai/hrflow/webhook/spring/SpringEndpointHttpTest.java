package ai.hrflow.webhook.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.testing.WebhookTester;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The starter in a real Boot application on Tomcat, over real HTTP, next to the embedded JDK server
 * with the same handler and settings: every call of {@link StatusTable} gets the same status and
 * body from both.
 */
@SpringBootTest(
    classes = SpringEndpointHttpTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hrflow.webhook.secret=" + SpringEndpointHttpTest.SECRET,
      "hrflow.webhook.max-body-bytes=" + StatusTable.MAX_BODY_BYTES,
      "management.endpoints.web.exposure.include=health",
      "management.endpoint.health.show-details=always"
    })
@ExtendWith(OutputCaptureExtension.class)
class SpringEndpointHttpTest {

  static final String SECRET = "spring-http-test-secret-ünï";

  /** A Boot application whose only code is a handler bean. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    @Bean
    Recorded.Families families() {
      return new Recorded.Families("spring");
    }
  }

  private static WebhookServer embedded;

  @LocalServerPort int port;

  @Autowired MeterRegistry meters;

  @BeforeAll
  static void startEmbedded() {
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .secret(SECRET)
            .maxBodyBytes(StatusTable.MAX_BODY_BYTES)
            .dispatcher(new EveryFamilyHooksDispatcher(new Recorded.Families("embedded")))
            .build();
    embedded = WebhookServer.builder().port(0).receiver(receiver).start();
  }

  @AfterAll
  static void stopEmbedded() {
    embedded.close();
  }

  @BeforeEach
  void clear() {
    Recorded.CALLS.clear();
  }

  @Test
  void everyCallOfTheTableGetsTheSameStatusAndBodyAsFromTheEmbeddedServer() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (StatusTable.Case call : StatusTable.cases(SECRET)) {
      RawHttp.Answer spring = RawHttp.send(port, call.method(), "/webhooks", call.headers(), call.body());
      RawHttp.Answer jdk = RawHttp.send(embedded.port(), call.method(), "/webhooks", call.headers(), call.body());
      if (spring.status() != call.status() || jdk.status() != call.status() || !spring.body().equals(jdk.body())) {
        mismatches.add(call + ": expected " + call.status() + "; Spring " + spring.status() + " " + spring.body() + "; JDK " + jdk.status() + " " + jdk.body());
      }
      assertThat(spring.headers().get("content-type")).as(call.name()).startsWith("application/json");
      if (call.status() == 405) {
        assertThat(spring.headers().get("allow")).isEqualTo("POST");
      }
    }
    assertThat(mismatches).isEmpty();
    // The handler beans received what the embedded handler received, in the same order.
    List<String> spring = Recorded.CALLS.stream().filter(c -> c.startsWith("spring:")).map(c -> c.substring(7)).toList();
    List<String> jdk = Recorded.CALLS.stream().filter(c -> c.startsWith("embedded:")).map(c -> c.substring(9)).toList();
    assertThat(spring).isEqualTo(jdk).contains("onProfileParsingSuccess:profile.parsing.success", "onAnythingElse:profile.brand.new");
  }

  @Test
  void theTestKitSendsToTheBootEndpoint() {
    WebhookTester tester = WebhookTester.of(URI.create("http://127.0.0.1:" + port + "/webhooks"), SECRET);
    assertThat(tester.send("profile.parsing.success").status()).isEqualTo(200);
    assertThat(tester.sendBatch("job.parsing.success", "action.stage.success").body()).contains("\"handled\":2");
    assertThat(Recorded.CALLS).containsExactly("spring:onProfileParsingSuccess:profile.parsing.success", "spring:onJobParsingSuccess:job.parsing.success", "spring:onActionStageSuccess:action.stage.success");
    assertThat(meters.get(WebhookMetrics.EVENTS).tags("type", "job.parsing.success", "outcome", "handled").counter().count()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void actuatorHealthIncludesHrflowWebhook() throws Exception {
    RawHttp.Answer health = RawHttp.send(port, "GET", "/actuator/health", Map.of(), new byte[0]);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"hrflowWebhook\":{").contains("\"path\":\"/webhooks\"");
  }

  @Test
  void anApplicationWithoutASecretFailsToStartWithBootsReportSayingWhatToSet(CapturedOutput output) {
    SpringApplication application = new SpringApplication(App.class);
    assertThatThrownBy(() -> application.run("--server.port=0", "--spring.main.banner-mode=off", "--hrflow.webhook.secret=")).isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("hrflow.webhook.secret is missing or empty")
        .contains("Set hrflow.webhook.secret");
  }
}
