package ai.hrflow.webhook.processor.internal.model;

import javax.lang.model.type.TypeMirror;

/** Short type names for diagnostics: {@code ProfilePayload} rather than its qualified name. */
public final class SimpleNames {

  private SimpleNames() {}

  /**
   * The type as written without package prefixes, such as {@code List<String>}.
   */
  public static String of(TypeMirror type) {
    return type.toString().replaceAll("\\b[a-z][\\w$]*\\.", "");
  }
}
