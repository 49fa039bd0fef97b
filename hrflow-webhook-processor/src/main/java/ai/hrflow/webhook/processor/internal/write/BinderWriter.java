package ai.hrflow.webhook.processor.internal.write;

import ai.hrflow.webhook.processor.internal.model.ComponentBinding;
import ai.hrflow.webhook.processor.internal.model.RecordBinding;
import ai.hrflow.webhook.processor.internal.model.RuntimeNames;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code HrJsonBinders}: one method per record that builds it straight from an event's JSON
 * tree, component by component, through the runtime's lenient readers. No reflection and no second
 * parse: what a handler reads costs a walk over the tree decoding already built.
 */
public final class BinderWriter {

  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName VALUES = ClassName.get(RuntimeNames.BINDERS_PACKAGE, RuntimeNames.LENIENT_VALUES);

  /** {@return the binders class for {@code records}, which must have passed validation} */
  public TypeSpec.Builder write(List<RecordBinding> records) {
    TypeSpec.Builder binders =
        TypeSpec.classBuilder(RuntimeNames.BINDERS)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc("Builds the HR-JSON records from an event's JSON tree, leniently: a value of an unexpected shape\n")
            .addJavadoc("becomes null, or an empty list or map, and never fails the record. Generated from the records\n")
            .addJavadoc("themselves: a field is read from its name in snake_case, then from its {@code @JsonAlias} names.\n")
            .addField(types(records))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(dispatch(records));
    for (RecordBinding record : records) {
      binders.addMethod(binder(record));
    }
    return binders;
  }

  private static FieldSpec types(List<RecordBinding> records) {
    TypeName classes = ParameterizedTypeName.get(ClassName.get(Set.class), ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)));
    CodeBlock list = records.stream().map(record -> CodeBlock.of("$T.class", ClassName.get(record.record()))).collect(CodeBlock.joining(",\n"));
    return FieldSpec.builder(classes, "TYPES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The records these binders build.\n")
        .initializer("$T.of(\n$>$>$L$<$<)", Set.class, list)
        .build();
  }

  private static MethodSpec dispatch(List<RecordBinding> records) {
    TypeVariableName t = TypeVariableName.get("T");
    MethodSpec.Builder bind =
        MethodSpec.methodBuilder("bind")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariable(t)
            .returns(t)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
            .addParameter(JSON_NODE, "json")
            .addJavadoc("{@return {@code json} bound to {@code type}, one of {@link #TYPES}, or null if it is not an object}\n")
            .addJavadoc("\n@throws IllegalArgumentException if {@code type} is not one of {@link #TYPES}\n");
    for (RecordBinding record : records) {
      bind.beginControlFlow("if (type == $T.class)", ClassName.get(record.record()))
          .addStatement("return type.cast($N(json))", record.methodName())
          .endControlFlow();
    }
    return bind.addStatement("throw new $T($S + type.getName())", IllegalArgumentException.class, "no binder for ").build();
  }

  /**
   * One record's binder: the present fields are visited once and kept by name (an object holds far
   * fewer fields than its record has components, so this beats a lookup per component), then each
   * component is read from its field, or from its first alias present.
   */
  private static MethodSpec binder(RecordBinding record) {
    ClassName type = ClassName.get(record.record());
    MethodSpec.Builder binder =
        MethodSpec.methodBuilder(record.methodName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(type)
            .addParameter(JSON_NODE, "json")
            .addJavadoc("{@return the {@link $T} in {@code json}, or null if {@code json} is not an object}\n", type)
            .beginControlFlow("if (!$T.isObject(json))", VALUES)
            .addStatement("return null")
            .endControlFlow();
    for (ComponentBinding component : record.components()) {
      for (int i = 0; i < component.jsonNames().size(); i++) {
        binder.addStatement("$T $N = null", JSON_NODE, local(component, i));
      }
    }
    binder.beginControlFlow("for ($T<$T, $T> entry : json.properties())", Map.Entry.class, String.class, JSON_NODE);
    binder.beginControlFlow("switch (entry.getKey())");
    for (ComponentBinding component : record.components()) {
      for (int i = 0; i < component.jsonNames().size(); i++) {
        binder.addStatement("case $S -> $N = entry.getValue()", component.jsonNames().get(i), local(component, i));
      }
    }
    binder.addCode("default -> {\n}\n");
    binder.endControlFlow().endControlFlow();
    CodeBlock arguments = record.components().stream().map(BinderWriter::read).collect(CodeBlock.joining(",\n"));
    return binder.addStatement("return new $T(\n$>$>$L$<$<)", type, arguments).build();
  }

  /** The local that holds the {@code index}th JSON field of {@code component}: its name, then {@code nameAlias1}... */
  private static String local(ComponentBinding component, int index) {
    return index == 0 ? component.name() : component.name() + "Alias" + index;
  }

  /** The expression that reads one component: a lenient reader applied to the first of its fields present. */
  private static CodeBlock read(ComponentBinding component) {
    CodeBlock field =
        component.jsonNames().size() == 1
            ? CodeBlock.of("$N", local(component, 0))
            : CodeBlock.of(
                "$T.first($L)",
                VALUES,
                java.util.stream.IntStream.range(0, component.jsonNames().size())
                    .mapToObj(i -> CodeBlock.of("$N", local(component, i)))
                    .collect(CodeBlock.joining(", ")));
    switch (component.kind()) {
      case TEXT:
        return CodeBlock.of("$T.text($L)", VALUES, field);
      case DECIMAL:
        return CodeBlock.of("$T.decimal($L)", VALUES, field);
      case WHOLE:
        return CodeBlock.of("$T.whole($L)", VALUES, field);
      case INSTANT:
        return CodeBlock.of("$T.instant($L)", VALUES, field);
      case JSON:
        return CodeBlock.of("$T.json($L)", VALUES, field);
      case TEXT_MAP:
        return CodeBlock.of("$T.textMap($L)", VALUES, field);
      case RECORD:
        return CodeBlock.of("$N($L)", RecordBinding.methodNameOf(component.record().orElseThrow()), field);
      case RECORD_LIST:
        return CodeBlock.of("$T.list($L, $L::$N)", VALUES, field, RuntimeNames.BINDERS, RecordBinding.methodNameOf(component.record().orElseThrow()));
      default:
        throw new IllegalStateException(component.name() + " passed validation unsupported");
    }
  }
}
