package ai.hrflow.webhook.processor.internal.write;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** Writes {@code EventTypes}: a compile-time constant for every catalog type, usable in {@code @OnEvent}. */
public final class EventTypesWriter {

  /** The simple name of the constants class, generated into the payload package. */
  public static final String SIMPLE_NAME = "EventTypes";

  /** {@return the constants class} */
  public TypeSpec.Builder write() {
    TypeSpec.Builder constants =
        TypeSpec.classBuilder(SIMPLE_NAME)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc("The type strings of every HrFlow event in the catalog, as constants.\n\n")
            .addJavadoc("<p>Usable wherever Java needs a constant, as in {@code @OnEvent(EventTypes.PROFILE_PARSING_SUCCESS)}.\n")
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (EventType eventType : EventType.values()) {
      ClassName payload = ClassName.get(PayloadSchema.PAYLOAD_PACKAGE, PayloadSchema.of(eventType.family()).payloadSimpleName());
      constants.addField(
          FieldSpec.builder(String.class, eventType.name(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("$L Payload: {@link $T}; volume: $L; documented in $L.\n",
                  eventType.description(), payload, eventType.volume().label(), eventType.documentedIn().source())
              .initializer("$S", eventType.type())
              .build());
    }
    return constants;
  }
}
