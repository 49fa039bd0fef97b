package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookDispatcherFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/**
 * The dispatcher of the application's handler beans: for every dispatcher factory the processor
 * generated (found once, through {@link java.util.ServiceLoader}), every bean that implements its
 * interface gets the generated dispatcher. An event then reaches every bean bound to its type, in
 * bean order ({@code @Order}, {@code Ordered}); the fallback methods run only when no bean is bound to
 * it. No reflection, no class-path scanning: the generated code dispatches.
 */
final class HandlerDispatchers {

  private HandlerDispatchers() {}

  /** One handler bean and its dispatcher. */
  private record Handler(Object bean, WebhookDispatcher dispatcher) {}

  /**
   * {@return the dispatcher of every handler bean in {@code beans}}
   *
   * @throws HrFlowWebhookConfigurationException if no bean implements an {@code @HrFlowWebhook} interface
   */
  static WebhookDispatcher of(ListableBeanFactory beans, ClassLoader loader) {
    List<WebhookDispatcherFactory<?>> factories = WebhookDispatcherFactory.load(loader);
    List<Handler> handlers = new ArrayList<>();
    for (WebhookDispatcherFactory<?> factory : factories) {
      add(beans, factory, handlers);
    }
    if (handlers.isEmpty()) {
      List<String> interfaces = factories.stream().map(factory -> factory.handlerType().getName()).toList();
      throw new HrFlowWebhookConfigurationException(
          "No bean implements an @HrFlowWebhook interface, so no HrFlow event would reach any code"
              + (interfaces.isEmpty()
                  ? " (no generated dispatcher is on the class path)."
                  : " (interfaces with a dispatcher: " + String.join(", ", interfaces) + ")."),
          "Define a bean (a @Component class or a @Bean method) that implements your @HrFlowWebhook interface; the interface"
              + " must be public and compiled with ai.hrflow:hrflow-webhook-processor as an annotation processor. Or set"
              + " hrflow.webhook.enabled=false.");
    }
    handlers.sort((a, b) -> AnnotationAwareOrderComparator.INSTANCE.compare(a.bean(), b.bean()));
    return WebhookDispatcher.all(handlers.stream().map(Handler::dispatcher).toList());
  }

  private static <H> void add(ListableBeanFactory beans, WebhookDispatcherFactory<H> factory, List<Handler> handlers) {
    beans.getBeanProvider(factory.handlerType()).orderedStream().forEach(bean -> handlers.add(new Handler(bean, factory.create(bean))));
  }
}
