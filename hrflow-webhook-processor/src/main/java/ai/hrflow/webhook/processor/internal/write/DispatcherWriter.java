package ai.hrflow.webhook.processor.internal.write;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;
import ai.hrflow.webhook.processor.internal.model.ParameterKind;
import ai.hrflow.webhook.processor.internal.model.RuntimeNames;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the dispatcher of a validated handler interface: a final class that switches on the event
 * type and calls the bound method with the event's payload record. No reflection.
 */
public final class DispatcherWriter {

  private static final ClassName DISPATCHER = ClassName.get(RuntimeNames.RUNTIME_PACKAGE, RuntimeNames.DISPATCHER);
  private static final ClassName FACTORY = ClassName.get(RuntimeNames.RUNTIME_PACKAGE, RuntimeNames.DISPATCHER_FACTORY);
  private static final ClassName EVENT = ClassName.get(RuntimeNames.RUNTIME_PACKAGE, RuntimeNames.EVENT);
  private static final ClassName RESULT = ClassName.get(RuntimeNames.RUNTIME_PACKAGE, RuntimeNames.DISPATCH_RESULT);
  private static final TypeName STRING_SET = ParameterizedTypeName.get(Set.class, String.class);

  /**
   * The dispatcher class for {@code handlers}, which must have passed validation.
   */
  public TypeSpec.Builder write(HandlerInterface handlers) {
    ClassName handlerType = ClassName.get(handlers.element());
    TypeSpec.Builder dispatcher =
        TypeSpec.classBuilder(handlers.dispatcherSimpleName())
            .addModifiers(Modifier.FINAL)
            .addSuperinterface(DISPATCHER)
            .addJavadoc(classJavadoc(handlers, handlerType))
            .addField(
                FieldSpec.builder(STRING_SET, "HANDLED_TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(handledTypesInitializer(handlers.typedHandlers()))
                    .build())
            .addField(handlerType, "handler", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(constructor(handlerType))
            .addMethod(dispatchMethod(handlers))
            .addMethod(
                MethodSpec.methodBuilder("handledTypes")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(STRING_SET)
                    .addStatement("return HANDLED_TYPES")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("hasFallback")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(boolean.class)
                    .addStatement("return $L", handlers.fallback().isPresent())
                    .build());
    if (handlers.publicApi()) {
      dispatcher.addModifiers(Modifier.PUBLIC);
      dispatcher.addType(factory(handlers, handlerType));
    }
    return dispatcher;
  }

  /**
   * The nested factory that {@link java.util.ServiceLoader} finds (the processor lists it in {@code
   * META-INF/services}): public dispatchers only, since a service provider must be public.
   */
  private static TypeSpec factory(HandlerInterface handlers, ClassName handlerType) {
    ClassName dispatcherType = ClassName.get(handlers.packageName(), handlers.dispatcherSimpleName());
    return TypeSpec.classBuilder(RuntimeNames.FACTORY)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(FACTORY, handlerType))
        .addJavadoc("Makes {@link $T}s, for frameworks that find dispatchers through {@link java.util.ServiceLoader}\n", dispatcherType)
        .addJavadoc("(the processor lists this class in {@code META-INF/services/$L.$L}).\n", RuntimeNames.RUNTIME_PACKAGE, RuntimeNames.DISPATCHER_FACTORY)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addJavadoc("Called by {@link java.util.ServiceLoader}.\n").build())
        .addMethod(
            MethodSpec.methodBuilder("handlerType")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Class.class), handlerType))
                .addStatement("return $T.class", handlerType)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("create")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(DISPATCHER)
                .addParameter(handlerType, "handler")
                .addStatement("return new $T(handler)", dispatcherType)
                .build())
        .build();
  }

  /** {@return the binary name of the factory {@link #write} nests in the dispatcher of {@code handlers}, if it is public} */
  public static Optional<String> factoryBinaryName(HandlerInterface handlers) {
    if (!handlers.publicApi()) {
      return Optional.empty();
    }
    String prefix = handlers.packageName().isEmpty() ? "" : handlers.packageName() + ".";
    return Optional.of(prefix + handlers.dispatcherSimpleName() + "$" + RuntimeNames.FACTORY);
  }

  private static CodeBlock classJavadoc(HandlerInterface handlers, ClassName handlerType) {
    CodeBlock.Builder javadoc =
        CodeBlock.builder()
            .add("Dispatches HrFlow webhook events to a {@link $T}.\n\n", handlerType)
            .add("<p>Generated from {@link $T}; edit the interface, not this class. Event types:\n", handlerType)
            .add("\n<ul>\n");
    for (HandlerMethod method : handlers.typedHandlers()) {
      javadoc.add("  <li>{@code $L}: {@link $T#$L}\n", method.eventType().orElseThrow(), handlerType, method.name());
    }
    Optional<HandlerMethod> fallback = handlers.fallback();
    if (fallback.isPresent()) {
      javadoc.add("  <li>any other type: {@link $T#$L}\n", handlerType, fallback.get().name());
    } else {
      javadoc.add("  <li>any other type: not handled, reported as {@link $T#UNHANDLED}\n", RESULT);
    }
    return javadoc.add("</ul>\n").build();
  }

  private static CodeBlock handledTypesInitializer(List<HandlerMethod> typedHandlers) {
    CodeBlock types =
        typedHandlers.stream()
            .map(method -> CodeBlock.of("$S", method.eventType().orElseThrow()))
            .collect(CodeBlock.joining(",\n"));
    return typedHandlers.isEmpty() ? CodeBlock.of("$T.of()", Set.class) : CodeBlock.of("$T.of(\n$>$>$L$<$<)", Set.class, types);
  }

  private static MethodSpec constructor(ClassName handlerType) {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates a dispatcher that hands events to {@code handler}.\n\n")
        .addJavadoc("@param handler the implementation whose methods receive the events\n")
        .addJavadoc("@throws NullPointerException if {@code handler} is null\n")
        .addParameter(handlerType, "handler")
        .addStatement("this.handler = $T.requireNonNull(handler, $S)", Objects.class, "handler")
        .build();
  }

  private static MethodSpec dispatchMethod(HandlerInterface handlers) {
    MethodSpec.Builder dispatch =
        MethodSpec.methodBuilder("dispatch")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RESULT)
            .addParameter(EVENT, "event")
            .addException(Exception.class);
    CodeBlock unhandled = unhandled(handlers.fallback());
    if (handlers.typedHandlers().isEmpty()) {
      return dispatch.addCode(unhandled).build();
    }
    dispatch.beginControlFlow("switch (event.type())");
    for (HandlerMethod method : handlers.typedHandlers()) {
      dispatch.addStatement("case $S -> handler.$N($L)", method.eventType().orElseThrow(), method.name(), argument(method));
    }
    dispatch.beginControlFlow("default ->").addCode(unhandled).endControlFlow();
    dispatch.endControlFlow();
    return dispatch.addStatement("return $T.HANDLED", RESULT).build();
  }

  private static CodeBlock unhandled(Optional<HandlerMethod> fallback) {
    if (fallback.isEmpty()) {
      return CodeBlock.builder().addStatement("return $T.UNHANDLED", RESULT).build();
    }
    return CodeBlock.builder()
        .addStatement("handler.$N(event)", fallback.get().name())
        .addStatement("return $T.FALLBACK", RESULT)
        .build();
  }

  private static CodeBlock argument(HandlerMethod method) {
    if (method.parameterKind() == ParameterKind.EVENT) {
      return CodeBlock.of("event");
    }
    String payload = method.payload().orElseThrow().payloadClassName();
    return CodeBlock.of("new $T(event)", ClassName.bestGuess(payload));
  }
}
