package ai.hrflow.webhook.processor.internal.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * How one HR-JSON record is bound from a JSON object: a component at a time.
 *
 * @param record the record type
 * @param methodName the name of its binder method, such as {@code profile} for {@code Profile}
 * @param components its components, in declaration order (the canonical constructor's order)
 */
public record RecordBinding(TypeElement record, String methodName, List<ComponentBinding> components) {

  /** Freezes the component list. */
  public RecordBinding {
    components = List.copyOf(components);
  }

  /** {@return the name of the binder method of {@code record}: its simple name, lower camel case} */
  public static String methodNameOf(TypeElement record) {
    String simple = record.getSimpleName().toString();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }
}
