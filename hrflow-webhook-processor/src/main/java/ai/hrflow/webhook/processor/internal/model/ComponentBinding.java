package ai.hrflow.webhook.processor.internal.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * How one record component is read from the record's JSON object.
 *
 * @param element the record component
 * @param jsonNames the JSON fields it is read from, the first present one wins: its name in
 *     snake_case, then its {@code @JsonAlias} names
 * @param type its type
 * @param kind how its value is read
 * @param record the record it holds, alone or in a list, for {@link Kind#RECORD} and {@link Kind#RECORD_LIST}
 */
public record ComponentBinding(Element element, List<String> jsonNames, TypeMirror type, Kind kind, Optional<TypeElement> record) {

  /** How a component's value is read; each kind but the last has a reader in the runtime. */
  public enum Kind {
    /** {@code String}: text as is, numbers and booleans as written. */
    TEXT,
    /** {@code Double}. */
    DECIMAL,
    /** {@code Long}: whole numbers only. */
    WHOLE,
    /** {@code java.time.Instant}: every date form. */
    INSTANT,
    /** Jackson's {@code JsonNode}: the value as sent. */
    JSON,
    /** {@code Map<String, String>}: an object's scalar values. */
    TEXT_MAP,
    /** Another record of the same package. */
    RECORD,
    /** A {@code List} of another record of the same package. */
    RECORD_LIST,
    /** Anything else: the validator reports it. */
    UNSUPPORTED
  }

  /** Freezes the name list. */
  public ComponentBinding {
    jsonNames = List.copyOf(jsonNames);
  }

  /** {@return the component's name} */
  public String name() {
    return element.getSimpleName().toString();
  }
}
