package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.inbox.InboxListener;
import ai.hrflow.webhook.inbox.InboxStats;
import ai.hrflow.webhook.inbox.WebhookInbox;
import ai.hrflow.webhook.runtime.EventInbox;
import ai.hrflow.webhook.runtime.IdempotencyStore;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookListener;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Receives HrFlow webhooks in a Spring Boot application: a {@link WebhookReceiver} over every bean
 * that implements an {@code @HrFlowWebhook} interface, served by the application's own servlet
 * container on {@code hrflow.webhook.path}; with Micrometer, its meters; with Actuator, the health
 * contributor {@code hrflowWebhook}; with {@code hrflow.webhook.inbox.enabled=true}, the durable
 * inbox on the application's {@code DataSource}.
 *
 * <p>Backs off when the application defines its own {@link WebhookReceiver} (the endpoint then serves
 * that one), and turns off with {@code hrflow.webhook.enabled=false}. Never defines or changes a JSON
 * mapper: the library's Jackson 2 stays inside it, beside the application's Jackson 3.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnBooleanProperty(name = "hrflow.webhook.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HrFlowWebhookProperties.class)
public class HrFlowWebhookAutoConfiguration {

  /** The bean name of the dispatcher over the application's handler beans. */
  public static final String DISPATCHER_BEAN = "hrflowWebhookDispatcher";

  /**
   * The dispatcher of every bean that implements an {@code @HrFlowWebhook} interface.
   *
   * @throws HrFlowWebhookConfigurationException if there is none
   */
  @Bean(DISPATCHER_BEAN)
  @ConditionalOnMissingBean(WebhookReceiver.class)
  WebhookDispatcher hrflowWebhookDispatcher(ApplicationContext context) {
    return HandlerDispatchers.of(context, context.getClassLoader() != null ? context.getClassLoader() : getClass().getClassLoader());
  }

  /**
   * The receiver, configured from {@code hrflow.webhook.*}.
   *
   * @throws HrFlowWebhookConfigurationException if no secret is set, or the inbox is asked for but cannot be built
   */
  @Bean
  @ConditionalOnMissingBean
  WebhookReceiver hrflowWebhookReceiver(
      HrFlowWebhookProperties properties,
      ApplicationContext context,
      ObjectProvider<EventInbox> inbox,
      ObjectProvider<WebhookListener> listener) {
    List<String> secrets = properties.allSecrets();
    if (secrets.isEmpty()) {
      throw new HrFlowWebhookConfigurationException(
          "No HrFlow webhook secret is set: hrflow.webhook.secret is missing or empty, so no call could be verified.",
          "Set hrflow.webhook.secret to the signing secret of your webhook in HrFlow's settings, from the environment"
              + " (HRFLOW_WEBHOOK_SECRET=...) or a secret store rather than a file in source control; or set"
              + " hrflow.webhook.enabled=false.");
    }
    WebhookReceiver.Builder builder =
        WebhookReceiver.builder()
            .secrets(secrets)
            .dispatcher(context.getBean(DISPATCHER_BEAN, WebhookDispatcher.class))
            .maxBodyBytes(properties.getMaxBodyBytes());
    List<SignatureScheme> schemes = properties.getSchemes();
    if (!schemes.isEmpty()) {
      builder.schemes(schemes.toArray(SignatureScheme[]::new));
    }
    EventInbox events = inbox.getIfAvailable();
    if (properties.getInbox().isEnabled() && events == null) {
      throw new HrFlowWebhookConfigurationException(
          "hrflow.webhook.inbox.enabled=true, but there is no inbox: it needs ai.hrflow:hrflow-webhook-inbox on the class path"
              + " and a DataSource bean.",
          "Add the dependency ai.hrflow:hrflow-webhook-inbox and a database (spring-boot-starter-jdbc with PostgreSQL or H2),"
              + " or set hrflow.webhook.inbox.enabled=false.");
    }
    if (events != null) {
      builder.inbox(events); // deduplication, if asked for, is the inbox's, shared by every node
    } else if (properties.isDeduplicate()) {
      builder.deduplicate(IdempotencyStore.inMemory(100_000));
    }
    listener.ifAvailable(builder::listener);
    return builder.build();
  }

  /** The endpoint, on the application's servlet container. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({HttpServlet.class, ServletRegistrationBean.class})
  static class ServletEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "hrflowWebhookServlet")
    ServletRegistrationBean<WebhookServlet> hrflowWebhookServlet(WebhookReceiver receiver, HrFlowWebhookProperties properties) {
      String path = properties.getPath();
      if (path == null || !path.startsWith("/")) {
        throw new HrFlowWebhookConfigurationException(
            "hrflow.webhook.path is '" + path + "': the endpoint's path must start with '/'.", "Set hrflow.webhook.path to a path such as /webhooks.");
      }
      ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(new WebhookServlet(receiver), path);
      registration.setName("hrflowWebhookServlet");
      registration.setLoadOnStartup(1);
      return registration;
    }
  }

  /** The durable inbox, on the application's DataSource. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "ai.hrflow.webhook.inbox.WebhookInbox")
  @ConditionalOnBooleanProperty("hrflow.webhook.inbox.enabled")
  static class InboxConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean({WebhookReceiver.class, EventInbox.class})
    WebhookInbox hrflowWebhookInbox(
        HrFlowWebhookProperties properties, ObjectProvider<DataSource> dataSource, ApplicationContext context, ObjectProvider<InboxListener> listener) {
      DataSource database = dataSource.getIfUnique();
      if (database == null) {
        throw new HrFlowWebhookConfigurationException(
            "hrflow.webhook.inbox.enabled=true, but the application has no single DataSource for the inbox to store events in.",
            "Add spring-boot-starter-jdbc with a PostgreSQL (or H2) driver and spring.datasource.* settings, or set"
                + " hrflow.webhook.inbox.enabled=false.");
      }
      HrFlowWebhookProperties.Inbox inbox = properties.getInbox();
      WebhookInbox.Builder builder =
          WebhookInbox.builder()
              .dataSource(database)
              .dispatcher(context.getBean(DISPATCHER_BEAN, WebhookDispatcher.class))
              .workers(inbox.getWorkers())
              .maxAttempts(inbox.getMaxAttempts())
              .retryDelay(inbox.getFirstRetry(), inbox.getMaxRetry())
              .pollingInterval(inbox.getPollingInterval())
              .deduplicate(properties.isDeduplicate());
      listener.ifAvailable(builder::listener);
      return builder.build();
    }

    @Bean
    @ConditionalOnBean(WebhookInbox.class)
    HrFlowWebhookHealthIndicator.InboxDetails hrflowWebhookInboxDetails(WebhookInbox inbox) {
      return () -> {
        InboxStats stats = inbox.stats();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pending", stats.pending());
        details.put("retrying", stats.retrying());
        details.put("dead", stats.dead());
        details.put("oldestPendingAge", stats.oldestPendingAge().toString());
        return details;
      };
    }
  }

  /** Micrometer's meters, when the application has a registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookMetrics hrflowWebhookMetrics(MeterRegistry registry) {
      return new WebhookMetrics(registry);
    }

    /** The inbox's events in the same counter. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "ai.hrflow.webhook.inbox.InboxListener")
    @ConditionalOnBooleanProperty("hrflow.webhook.inbox.enabled")
    static class InboxMetricsConfiguration {

      @Bean
      InboxListener hrflowWebhookInboxMetrics(WebhookMetrics metrics) {
        return new InboxMetrics(metrics);
      }
    }
  }

  /** Actuator's {@code hrflowWebhook} health contributor. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("hrflowWebhook")
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "hrflowWebhookHealthIndicator")
    HrFlowWebhookHealthIndicator hrflowWebhookHealthIndicator(
        WebhookReceiver receiver, HrFlowWebhookProperties properties, ObjectProvider<HrFlowWebhookHealthIndicator.InboxDetails> inbox) {
      return new HrFlowWebhookHealthIndicator(receiver, properties.getPath(), inbox.getIfAvailable());
    }
  }
}
