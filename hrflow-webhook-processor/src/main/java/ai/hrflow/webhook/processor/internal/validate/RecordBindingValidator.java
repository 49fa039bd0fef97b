package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.ComponentBinding;
import ai.hrflow.webhook.processor.internal.model.RecordBinding;
import ai.hrflow.webhook.processor.internal.model.SimpleNames;
import java.util.List;
import javax.lang.model.SourceVersion;

/** Checks that every component of the HR-JSON records has a type the generated binders can read. */
public final class RecordBindingValidator {

  private final Reporter reporter;

  /** A validator that reports to {@code reporter}. */
  public RecordBindingValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** {@return whether every record can be bound; each component that cannot is reported on itself} */
  public boolean validate(List<RecordBinding> records) {
    int before = reporter.errorCount();
    for (RecordBinding record : records) {
      if (SourceVersion.isKeyword(record.methodName())) {
        reporter.error(record.record(), "Record " + record.record().getSimpleName() + " needs another name: its binder method would be the keyword " + record.methodName() + ".");
      }
      for (ComponentBinding component : record.components()) {
        if (component.kind() == ComponentBinding.Kind.UNSUPPORTED) {
          reporter.error(
              component.element(),
              "Component "
                  + component.name()
                  + " of "
                  + record.record().getSimpleName()
                  + " has the type "
                  + SimpleNames.of(component.type())
                  + ", which the generated binder cannot read. Use String, Double, Long, Instant, JsonNode,"
                  + " Map<String, String>, a record of this package, or a List of one.");
        }
      }
    }
    return reporter.errorCount() == before;
  }
}
