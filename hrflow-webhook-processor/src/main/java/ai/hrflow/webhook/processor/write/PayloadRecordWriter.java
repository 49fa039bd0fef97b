package ai.hrflow.webhook.processor.write;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.PayloadComponent;
import ai.hrflow.webhook.catalog.PayloadFamily;
import ai.hrflow.webhook.processor.model.RuntimeNames;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the payload record of a family from the catalog: {@code type}, {@code origin}, {@code
 * message}, the family's components, and {@code raw}, with a {@code from(WebhookEvent)} factory that
 * binds them leniently.
 */
public final class PayloadRecordWriter {

  private static final ClassName EVENT = ClassName.get(RuntimeNames.RUNTIME_PACKAGE, RuntimeNames.EVENT);
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

  /** The record for {@code family}. */
  public TypeSpec.Builder write(PayloadFamily family) {
    ClassName self = ClassName.get(PayloadFamily.PAYLOAD_PACKAGE, family.payloadSimpleName());
    List<ParameterSpec> components = new ArrayList<>();
    components.add(ParameterSpec.builder(String.class, "type").build());
    components.add(ParameterSpec.builder(String.class, "origin").build());
    components.add(ParameterSpec.builder(String.class, "message").build());
    for (PayloadComponent component : family.components()) {
      components.add(ParameterSpec.builder(ClassName.bestGuess(component.typeName()), component.name()).build());
    }
    components.add(ParameterSpec.builder(JSON_NODE, "raw").build());

    return TypeSpec.recordBuilder(self)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(javadoc(family))
        .recordConstructor(
            MethodSpec.compactConstructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameters(components)
                .addJavadoc("Checks that the type and the raw JSON are present; every other component may be null.\n")
                .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
                .addStatement("$T.requireNonNull(raw, $S)", Objects.class, "raw")
                .build())
        .addMethod(factory(family, self));
  }

  private static CodeBlock javadoc(PayloadFamily family) {
    CodeBlock.Builder javadoc =
        CodeBlock.builder()
            .add("An HrFlow webhook event about $L, with its typed fields and its whole JSON.\n\n", family.subject())
            .add("<p>Decoding is lenient: a field of an unexpected shape is null (or an empty list) here, and\n")
            .add("every field, known or not, stays reachable in {@link #raw()}. Catalog types of this family:\n")
            .add("{@code $L}.\n\n", String.join("}, {@code ", typesOf(family)))
            .add("@param type the event type, such as {@code $L}\n", typesOf(family).get(0))
            .add("@param origin where the action behind the event came from ({@code web} or {@code api}), or null\n")
            .add("@param message HrFlow's human-readable description of the event, or null\n");
    for (PayloadComponent component : family.components()) {
      javadoc.add("@param $L $L\n", component.name(), component.description());
    }
    return javadoc.add("@param raw the event's whole JSON object, as sent\n").build();
  }

  private static List<String> typesOf(PayloadFamily family) {
    return EventType.byType().values().stream()
        .filter(eventType -> eventType.family() == family)
        .map(EventType::type)
        .toList();
  }

  private static MethodSpec factory(PayloadFamily family, ClassName self) {
    CodeBlock.Builder arguments =
        CodeBlock.builder().add("event.type(),\n").add("event.text($S),\n", "origin").add("event.text($S),\n", "message");
    for (PayloadComponent component : family.components()) {
      CodeBlock names = component.jsonNames().stream().map(name -> CodeBlock.of("$S", name)).collect(CodeBlock.joining(", "));
      arguments.add("event.bind($T.class, $L),\n", ClassName.bestGuess(component.typeName()), names);
    }
    arguments.add("event.json()");
    return MethodSpec.methodBuilder("from")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("Binds a decoded event to this record. Fields of unexpected shape become null; binding never fails.\n\n")
        .addJavadoc("@param event a decoded event of this family\n")
        .addJavadoc("@return the event's typed view\n")
        .returns(self)
        .addParameter(EVENT, "event")
        .addStatement("return new $T(\n$L)", self, arguments.build())
        .build();
  }
}
