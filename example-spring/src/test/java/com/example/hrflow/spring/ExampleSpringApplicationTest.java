package com.example.hrflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.testing.WebhookTester;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Boot example on a random port, sent signed events by the test kit, as a user's test would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hrflow.webhook.secret=" + ExampleSpringApplicationTest.SECRET)
@ExtendWith(OutputCaptureExtension.class)
class ExampleSpringApplicationTest {

  static final String SECRET = "example-spring-test-secret";

  @LocalServerPort int port;

  private WebhookTester tester() {
    return WebhookTester.of(URI.create("http://127.0.0.1:" + port + "/webhooks"), SECRET);
  }

  @Test
  void eachFamilyReachesThePrintingHandler(CapturedOutput output) {
    WebhookResponse response = tester().sendBatch("profile.parsing.success", "job.parsing.success", "action.stage.success", "profile.brand.new");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"events\":4,\"handled\":3,\"fallback\":1,\"unhandled\":0}");
    assertThat(output.getOut()).contains("profile parsed: ").contains("job parsed: ").contains("other event: profile.brand.new");
  }

  @Test
  void aCallSignedWithAnotherSecretIsRefused() {
    assertThat(WebhookTester.of(URI.create("http://127.0.0.1:" + port + "/webhooks"), "not-the-secret").send("profile.parsing.success").status()).isEqualTo(401);
  }
}
