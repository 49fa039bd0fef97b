package ai.hrflow.webhook.processor.internal.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * What an {@code @HrFlowWebhook} interface means: its handler methods and where its dispatcher goes.
 *
 * @param element the interface
 * @param packageName the package of the interface and of its dispatcher
 * @param dispatcherSimpleName the dispatcher's simple name ({@code Outer_InnerDispatcher} for {@code Outer.Inner})
 * @param publicApi whether the interface is visible outside its package, so that its dispatcher may be public
 * @param methods every abstract method, own and inherited, in declaration order, and the default or
 *     static methods that carry {@code @OnEvent}
 */
public record HandlerInterface(
    TypeElement element, String packageName, String dispatcherSimpleName, boolean publicApi, List<HandlerMethod> methods) {

  /**
   * Freezes the method list.
   *
   * @param element the interface
   * @param packageName the package of the interface and of its dispatcher
   * @param dispatcherSimpleName the dispatcher's simple name ({@code Outer_InnerDispatcher} for {@code Outer.Inner})
   * @param publicApi whether the interface is visible outside its package, so that its dispatcher may be public
   * @param methods every abstract method, own and inherited, in declaration order, and the default or static methods that carry {@code @OnEvent}
   */
  public HandlerInterface {
    methods = List.copyOf(methods);
  }

  /** {@return the methods that handle events: abstract ones, in declaration order} */
  public List<HandlerMethod> handlers() {
    return methods.stream().filter(HandlerMethod::handler).toList();
  }

  /** {@return the {@code @OnEvent("*")} method, if there is one} */
  public Optional<HandlerMethod> fallback() {
    return handlers().stream().filter(HandlerMethod::isFallback).findFirst();
  }

  /** {@return the handlers bound to one event type each, that is every handler but the fallback} */
  public List<HandlerMethod> typedHandlers() {
    return handlers().stream().filter(method -> !method.isFallback()).toList();
  }
}
