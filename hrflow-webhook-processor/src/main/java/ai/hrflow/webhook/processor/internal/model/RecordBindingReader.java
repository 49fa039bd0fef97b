package ai.hrflow.webhook.processor.internal.model;

import ai.hrflow.webhook.processor.internal.model.ComponentBinding.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads the records of a package into {@link RecordBinding}s. Reading never reports: a component of
 * a type no reader handles is read as {@link Kind#UNSUPPORTED}, for the validator.
 */
public final class RecordBindingReader {

  /** {@return a binding for every record declared in {@code recordPackage}, in the order of their names} */
  public List<RecordBinding> read(PackageElement recordPackage) {
    List<RecordBinding> bindings = new ArrayList<>();
    List<TypeElement> types = new ArrayList<>(ElementFilter.typesIn(recordPackage.getEnclosedElements()));
    types.sort(Comparator.comparing(type -> type.getQualifiedName().toString()));
    for (TypeElement type : types) {
      if (type.getKind() == ElementKind.RECORD) {
        List<ComponentBinding> components = new ArrayList<>();
        for (RecordComponentElement component : type.getRecordComponents()) {
          components.add(component(component, recordPackage));
        }
        bindings.add(new RecordBinding(type, RecordBinding.methodNameOf(type), components));
      }
    }
    return bindings;
  }

  private static ComponentBinding component(RecordComponentElement component, PackageElement recordPackage) {
    List<String> names = new ArrayList<>();
    names.add(snakeCase(component.getSimpleName().toString()));
    names.addAll(aliases(component));
    TypeMirror type = component.asType();
    Optional<TypeElement> record = Optional.empty();
    Kind kind = Kind.UNSUPPORTED;
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      TypeElement element = (TypeElement) declared.asElement();
      String name = element.getQualifiedName().toString();
      List<? extends TypeMirror> arguments = declared.getTypeArguments();
      if (isRecordOf(element, recordPackage)) {
        kind = Kind.RECORD;
        record = Optional.of(element);
      } else if (name.equals("java.util.List") && arguments.size() == 1 && isRecordOf(asElement(arguments.get(0)), recordPackage)) {
        kind = Kind.RECORD_LIST;
        record = Optional.of(asElement(arguments.get(0)));
      } else if (name.equals("java.util.Map") && arguments.size() == 2 && isString(arguments.get(0)) && isString(arguments.get(1))) {
        kind = Kind.TEXT_MAP;
      } else {
        kind = scalarKind(name);
      }
    }
    return new ComponentBinding(component, names, type, kind, record);
  }

  private static Kind scalarKind(String qualifiedName) {
    switch (qualifiedName) {
      case "java.lang.String":
        return Kind.TEXT;
      case "java.lang.Double":
        return Kind.DECIMAL;
      case "java.lang.Long":
        return Kind.WHOLE;
      case "java.time.Instant":
        return Kind.INSTANT;
      case "com.fasterxml.jackson.databind.JsonNode":
        return Kind.JSON;
      default:
        return Kind.UNSUPPORTED;
    }
  }

  private static TypeElement asElement(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }

  private static boolean isRecordOf(TypeElement element, PackageElement recordPackage) {
    return element != null && element.getKind() == ElementKind.RECORD && element.getEnclosingElement().equals(recordPackage);
  }

  private static boolean isString(TypeMirror type) {
    TypeElement element = asElement(type);
    return element != null && element.getQualifiedName().contentEquals("java.lang.String");
  }

  /**
   * The values of the component's {@code @JsonAlias}, if it has one. The annotation does not target
   * record components, so javac puts it on the accessor (and the field and constructor parameter).
   */
  private static List<String> aliases(RecordComponentElement component) {
    List<String> aliases = new ArrayList<>();
    for (AnnotationMirror annotation : component.getAccessor().getAnnotationMirrors()) {
      if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().contentEquals(RuntimeNames.JSON_ALIAS)) {
        for (AnnotationValue value : annotation.getElementValues().values()) {
          Object names = value.getValue();
          if (names instanceof List<?> list) {
            for (Object alias : list) {
              aliases.add(String.valueOf(((AnnotationValue) alias).getValue()));
            }
          }
        }
      }
    }
    return aliases;
  }

  /** {@code dateBirth} is sent as {@code date_birth}. */
  static String snakeCase(String camel) {
    StringBuilder snake = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        snake.append('_').append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }
}
