package ai.hrflow.webhook.processor.model;

import ai.hrflow.webhook.catalog.PayloadFamily;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The runtime types a handler interface is checked against, looked up on the compile classpath.
 *
 * @param event {@code WebhookEvent}
 * @param payloads the payload record of every family
 */
public record RuntimeTypes(TypeElement event, Map<PayloadFamily, TypeElement> payloads) {

  /**
   * The runtime types, or empty when hrflow-webhook-runtime is not on the compile classpath.
   *
   * @param elements the elements
   * @return the runtime types, or empty when hrflow-webhook-runtime is not on the compile classpath
   */
  public static Optional<RuntimeTypes> lookup(Elements elements) {
    TypeElement dispatcher = elements.getTypeElement(RuntimeNames.qualified(RuntimeNames.DISPATCHER));
    TypeElement event = elements.getTypeElement(RuntimeNames.qualified(RuntimeNames.EVENT));
    if (dispatcher == null || event == null) {
      return Optional.empty();
    }
    Map<PayloadFamily, TypeElement> payloads = new EnumMap<>(PayloadFamily.class);
    for (PayloadFamily family : PayloadFamily.values()) {
      TypeElement payload = elements.getTypeElement(family.payloadClassName());
      if (payload == null) {
        return Optional.empty();
      }
      payloads.put(family, payload);
    }
    return Optional.of(new RuntimeTypes(event, Map.copyOf(payloads)));
  }
}
