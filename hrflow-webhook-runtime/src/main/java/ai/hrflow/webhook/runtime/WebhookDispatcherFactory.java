package ai.hrflow.webhook.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Makes the generated dispatcher of one {@code @HrFlowWebhook} interface. The annotation processor
 * generates one for every public handler interface, as the dispatcher's nested {@code Factory} class
 * ({@code RecruitingHooksDispatcher.Factory}), and lists it in {@code
 * META-INF/services/ai.hrflow.webhook.runtime.WebhookDispatcherFactory}: frameworks (the Spring Boot
 * starter) find the dispatcher of a handler object through {@link ServiceLoader}, once at start-up,
 * with no reflection, no class-path scanning and no naming convention. On the module path, a module
 * declares its factories itself: {@code provides ai.hrflow.webhook.runtime.WebhookDispatcherFactory
 * with com.example.RecruitingHooksDispatcher.Factory;}.
 *
 * @param <H> the handler interface
 */
public interface WebhookDispatcherFactory<H> {

  /** {@return the {@code @HrFlowWebhook} interface whose dispatcher this makes} */
  Class<H> handlerType();

  /** {@return a dispatcher that hands events to {@code handler}} */
  WebhookDispatcher create(H handler);

  /**
   * A dispatcher for {@code handler} if it implements {@link #handlerType()}.
   *
   * @return the dispatcher, or null when {@code handler} does not implement the interface
   */
  default WebhookDispatcher createFor(Object handler) {
    Class<H> type = handlerType();
    return type.isInstance(handler) ? create(type.cast(handler)) : null;
  }

  /** {@return the factories {@code loader} can see, through {@link ServiceLoader}} */
  @SuppressWarnings("rawtypes")
  static List<WebhookDispatcherFactory<?>> load(ClassLoader loader) {
    List<WebhookDispatcherFactory<?>> factories = new ArrayList<>();
    for (WebhookDispatcherFactory<?> factory : ServiceLoader.load(WebhookDispatcherFactory.class, loader)) {
      factories.add(factory);
    }
    return factories;
  }
}
