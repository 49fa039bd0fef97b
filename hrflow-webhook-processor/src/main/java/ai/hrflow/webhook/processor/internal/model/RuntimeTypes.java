package ai.hrflow.webhook.processor.internal.model;

import ai.hrflow.webhook.catalog.internal.PayloadSchema;
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
public record RuntimeTypes(TypeElement event, Map<PayloadSchema, TypeElement> payloads) {

  /**
   * The runtime types, or empty when hrflow-webhook-runtime is not on the compile classpath.
   */
  public static Optional<RuntimeTypes> lookup(Elements elements) {
    TypeElement dispatcher = elements.getTypeElement(RuntimeNames.qualified(RuntimeNames.DISPATCHER));
    TypeElement event = elements.getTypeElement(RuntimeNames.qualified(RuntimeNames.EVENT));
    if (dispatcher == null || event == null) {
      return Optional.empty();
    }
    Map<PayloadSchema, TypeElement> payloads = new EnumMap<>(PayloadSchema.class);
    for (PayloadSchema schema : PayloadSchema.values()) {
      TypeElement payload = elements.getTypeElement(schema.payloadClassName());
      if (payload == null) {
        return Optional.empty();
      }
      payloads.put(schema, payload);
    }
    return Optional.of(new RuntimeTypes(event, Map.copyOf(payloads)));
  }
}
