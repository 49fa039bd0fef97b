package ai.hrflow.webhook.processor.internal.write;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.internal.PayloadComponent;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import ai.hrflow.webhook.processor.internal.model.RuntimeNames;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the payload record of a family from the catalog: a typed view of one {@code WebhookEvent}
 * with {@code type()}, {@code origin()}, {@code message()}, the family's components, and {@code
 * raw()}. Components are bound from the event's JSON on first access and kept, so that an event
 * costs one parse and nothing more for the fields a handler does not read.
 */
public final class PayloadRecordWriter {

  private static final ClassName EVENT = ClassName.get(RuntimeNames.RUNTIME_PACKAGE, RuntimeNames.EVENT);
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

  /** {@return the payload record {@code schema} describes} */
  public TypeSpec.Builder write(PayloadSchema schema) {
    ClassName self = ClassName.get(PayloadSchema.PAYLOAD_PACKAGE, schema.payloadSimpleName());
    TypeSpec.Builder record =
        TypeSpec.recordBuilder(self)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(javadoc(schema))
            .recordConstructor(
                MethodSpec.compactConstructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(ParameterSpec.builder(EVENT, "event").build())
                    .addJavadoc("Checks that the event is present.\n\n@param event the decoded event this record is a view of\n")
                    .addStatement("$T.requireNonNull(event, $S)", Objects.class, "event")
                    .build())
            .addMethod(
                accessor("type", ClassName.get(String.class), "the event type, such as {@code $L}", typesOf(schema).get(0))
                    .addStatement("return event.type()")
                    .build())
            .addMethod(
                accessor("origin", ClassName.get(String.class), "where the action behind the event came from ({@code web} or {@code api}), or null")
                    .addStatement("return event.text($S)", "origin")
                    .build())
            .addMethod(
                accessor("message", ClassName.get(String.class), "HrFlow's human-readable description of the event, or null")
                    .addStatement("return event.text($S)", "message")
                    .build());
    for (PayloadComponent component : schema.components()) {
      ClassName type = ClassName.bestGuess(component.typeName());
      CodeBlock names = component.jsonNames().stream().map(name -> CodeBlock.of("$S", name)).collect(CodeBlock.joining(", "));
      record.addMethod(
          accessor(component.name(), type, component.description())
              .addStatement("return event.bind($T.class, $L)", type, names)
              .build());
    }
    return record.addMethod(
        accessor("raw", JSON_NODE, "the event's whole JSON object, as sent, including fields no accessor covers")
            .addStatement("return event.json()")
            .build());
  }

  private static MethodSpec.Builder accessor(String name, ClassName type, String description, Object... args) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addJavadoc("{@return " + description + "}\n", args);
  }

  private static CodeBlock javadoc(PayloadSchema schema) {
    return CodeBlock.builder()
        .add("An HrFlow webhook event about $L: its typed fields and its whole JSON.\n\n", schema.subject())
        .add("<p>Decoding is lenient: a field of an unexpected shape is null (or an empty list) here, and\n")
        .add("every field, known or not, stays reachable in {@link #raw()}. HR-JSON objects are bound on\n")
        .add("first access and kept. Catalog types of this family: {@code $L}.\n\n", String.join("}, {@code ", typesOf(schema)))
        .add("@param event the decoded event this record is a view of\n")
        .build();
  }

  private static List<String> typesOf(PayloadSchema schema) {
    return EventType.byType().values().stream()
        .filter(eventType -> eventType.family() == schema.family())
        .map(EventType::type)
        .toList();
  }
}
