package ai.hrflow.webhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.testing.SampleEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Each condition of the auto-configuration, with {@code ApplicationContextRunner}. */
class HrFlowWebhookAutoConfigurationTest {

  static final String SECRET = "boot-test-secret";

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(HrFlowWebhookAutoConfiguration.class));

  private final WebApplicationContextRunner withHandler =
      runner.withBean("families", Recorded.Families.class, () -> new Recorded.Families("families")).withPropertyValues("hrflow.webhook.secret=" + SECRET);

  @BeforeEach
  void clear() {
    Recorded.CALLS.clear();
  }

  static WebhookResponse send(WebhookReceiver receiver, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return receiver.receive(
        Map.of("Content-Type", List.of("application/json"), WebhookSigner.HEADER_NAME, List.of(WebhookSigner.sign(SignatureScheme.SIGNED_HEX, SECRET, body))),
        body);
  }

  @Test
  void aHandlerBeanAndASecretGiveAReceiverServedOnThePath() {
    withHandler
        .withPropertyValues("hrflow.webhook.path=/hrflow/events")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(WebhookReceiver.class);
              ServletRegistrationBean<?> servlet = context.getBean("hrflowWebhookServlet", ServletRegistrationBean.class);
              assertThat(servlet.getUrlMappings()).containsExactly("/hrflow/events");
              assertThat(send(context.getBean(WebhookReceiver.class), SampleEvents.json("profile.parsing.success")).status()).isEqualTo(200);
              assertThat(Recorded.CALLS).containsExactly("families:onProfileParsingSuccess:profile.parsing.success");
            });
  }

  @Test
  void noSecretOrAnEmptyOneFailsStartUpWithAnAnalysisThatSaysWhatToSet() {
    for (String property : List.of("hrflow.webhook.path=/webhooks", "hrflow.webhook.secret=", "hrflow.webhook.secret=   ")) {
      runner
          .withBean(Recorded.Families.class, () -> new Recorded.Families("families"))
          .withPropertyValues(property)
          .run(
              context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new HrFlowWebhookFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).as(property).isNotNull();
                assertThat(analysis.getDescription()).contains("hrflow.webhook.secret is missing or empty");
                assertThat(analysis.getAction()).contains("Set hrflow.webhook.secret").contains("HRFLOW_WEBHOOK_SECRET");
              });
    }
  }

  @Test
  void theFailureAnalyzerIsRegisteredTheBootWay() throws Exception {
    Properties factories = new Properties();
    try (InputStream in = HrFlowWebhookFailureAnalyzer.class.getResourceAsStream("/META-INF/spring.factories")) {
      factories.load(in);
    }
    assertThat(factories.getProperty(FailureAnalyzer.class.getName())).isEqualTo(HrFlowWebhookFailureAnalyzer.class.getName());
  }

  @Test
  void enabledFalseTurnsEverythingOff() {
    withHandler
        .withPropertyValues("hrflow.webhook.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookReceiver.class).doesNotHaveBean("hrflowWebhookServlet").doesNotHaveBean(WebhookDispatcher.class));
  }

  @Test
  void itBacksOffWhenTheApplicationDefinesItsOwnReceiverAndServesThatOne() {
    WebhookReceiver own = WebhookReceiver.builder().secret("own-secret").dispatcher(new EveryFamilyHooksDispatcher(new Recorded.Families("own"))).build();
    runner
        .withBean(WebhookReceiver.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(WebhookReceiver.class).doesNotHaveBean(HrFlowWebhookAutoConfiguration.DISPATCHER_BEAN);
              assertThat(context.getBean(WebhookReceiver.class)).isSameAs(own);
              assertThat(context).hasBean("hrflowWebhookServlet"); // no secret needed: the application's receiver has its own
            });
  }

  @Test
  void noHandlerBeanFailsStartUpSayingWhatToDefine() {
    runner
        .withPropertyValues("hrflow.webhook.secret=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis = new HrFlowWebhookFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains("No bean implements an @HrFlowWebhook interface").contains(ProfileHooks.class.getName());
              assertThat(analysis.getAction()).contains("Define a bean");
            });
  }

  @Test
  void eachEventReachesEveryBeanBoundToItsTypeInOrderAndTheFallbackOnlyWhenNoneIs() {
    runner
        .withPropertyValues("hrflow.webhook.secret=" + SECRET)
        .withBean("late", Recorded.Profiles.class, () -> new OrderedProfiles("late", Ordered.LOWEST_PRECEDENCE))
        .withBean("early", Recorded.Profiles.class, () -> new OrderedProfiles("early", Ordered.HIGHEST_PRECEDENCE))
        .withBean("families", Recorded.Families.class, () -> new Recorded.Families("families"))
        .run(
            context -> {
              WebhookReceiver receiver = context.getBean(WebhookReceiver.class);
              assertThat(send(receiver, SampleEvents.json("profile.parsing.success")).body()).contains("\"handled\":1");
              assertThat(Recorded.CALLS)
                  .containsExactly(
                      "early:onProfileParsingSuccess:profile.parsing.success",
                      "families:onProfileParsingSuccess:profile.parsing.success",
                      "late:onProfileParsingSuccess:profile.parsing.success");
              Recorded.CALLS.clear();
              send(receiver, SampleEvents.json("job.parsing.success"));
              assertThat(Recorded.CALLS).containsExactly("families:onJobParsingSuccess:job.parsing.success");
              Recorded.CALLS.clear();
              assertThat(send(receiver, "{\"type\":\"profile.brand.new\",\"message\":\"m\"}").body()).contains("\"fallback\":1");
              assertThat(Recorded.CALLS).containsExactly("families:onAnythingElse:profile.brand.new");
            });
  }

  /** A profile handler with an order. */
  static final class OrderedProfiles extends Recorded.Profiles implements Ordered {
    private final int order;

    OrderedProfiles(String name, int order) {
      super(name);
      this.order = order;
    }

    @Override
    public int getOrder() {
      return order;
    }
  }

  @Test
  void theInboxWithoutADataSourceFailsStartUpSayingWhatToAdd() {
    withHandler
        .withPropertyValues("hrflow.webhook.inbox.enabled=true")
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis = new HrFlowWebhookFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains("no single DataSource");
              assertThat(analysis.getAction()).contains("spring-boot-starter-jdbc");
            });
  }

  @Test
  void withMicrometerTheRequestsAndEventsAreMetered() {
    withHandler
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              WebhookReceiver receiver = context.getBean(WebhookReceiver.class);
              send(receiver, SampleEvents.json("profile.parsing.success"));
              send(receiver, "{\"type\":\"profile.brand.new\"}");
              byte[] body = SampleEvents.bytes("job.parsing.success");
              receiver.receive(Map.of(WebhookSigner.HEADER_NAME, List.of(WebhookSigner.sign(SignatureScheme.BODY_HEX, "wrong", body))), body);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get(WebhookMetrics.REQUESTS).tag("status", "200").timer().count()).isEqualTo(2);
              assertThat(registry.get(WebhookMetrics.REQUESTS).tag("status", "401").timer().count()).isEqualTo(1);
              assertThat(registry.get(WebhookMetrics.EVENTS).tags("type", "profile.parsing.success", "outcome", "handled").counter().count()).isEqualTo(1);
              assertThat(registry.get(WebhookMetrics.EVENTS).tags("type", "other", "outcome", "fallback").counter().count()).isEqualTo(1);
            });
  }

  @Test
  void withActuatorTheHealthContributorIsHrflowWebhook() {
    withHandler.run(
        context -> {
          assertThat(context).hasBean("hrflowWebhookHealthIndicator");
          Health health = context.getBean("hrflowWebhookHealthIndicator", HrFlowWebhookHealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("path", "/webhooks");
        });
  }

  @Test
  void theApplicationsJsonMapperIsLeftAlone() {
    withHandler
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(JsonMapper.class); // Boot's Jackson 3 mapper, as Boot made it
              assertThat(context.getBeanNamesForType(JsonMapper.class)[0]).isEqualTo("jacksonJsonMapper");
              assertThat(context).doesNotHaveBean(ObjectMapper.class); // the library's Jackson 2 stays inside it
            });
  }

  @Test
  void propertiesBindIncludingSchemesAndSecretsForRotation() {
    runner
        .withBean(Recorded.Families.class, () -> new Recorded.Families("families"))
        .withPropertyValues("hrflow.webhook.secrets[0]=old-secret", "hrflow.webhook.secrets[1]=" + SECRET, "hrflow.webhook.schemes=SIGNED_HEX", "hrflow.webhook.max-body-bytes=100000")
        .run(
            context -> {
              WebhookReceiver receiver = context.getBean(WebhookReceiver.class);
              assertThat(receiver.maxBodyBytes()).isEqualTo(100000);
              assertThat(send(receiver, SampleEvents.json("profile.parsing.success")).status()).isEqualTo(200);
              byte[] body = SampleEvents.bytes("profile.parsing.success");
              WebhookResponse bodyHex = receiver.receive(Map.of(WebhookSigner.HEADER_NAME, List.of(WebhookSigner.sign(SignatureScheme.BODY_HEX, SECRET, body))), body);
              assertThat(bodyHex.status()).as("BODY_HEX is not among the schemes").isEqualTo(401);
              assertThat(context.getBean(HrFlowWebhookProperties.class).toString()).doesNotContain(SECRET).doesNotContain("old-secret");
            });
  }
}
