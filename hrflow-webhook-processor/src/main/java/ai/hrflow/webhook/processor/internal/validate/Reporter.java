package ai.hrflow.webhook.processor.internal.validate;

import java.util.Arrays;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element that causes them, and counts errors so that processing can go on
 * and show every mistake of a compilation at once. Warnings can be silenced with {@code
 * @SuppressWarnings("hrflow")} on the element or on an element around it.
 */
public final class Reporter {

  /** The name that {@code @SuppressWarnings} takes to silence this processor's warnings. */
  public static final String SUPPRESSION = "hrflow";

  private final Messager messager;
  private int errorCount;

  /** A reporter that writes to {@code messager}. */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error on {@code element}. */
  public void error(Element element, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** Reports an error on one annotation of {@code element}. */
  public void error(Element element, AnnotationMirror annotation, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
  }

  /** Reports a warning on {@code element}, unless it is suppressed there. */
  public void warning(Element element, String message) {
    if (!suppressed(element)) {
      messager.printMessage(Diagnostic.Kind.WARNING, message, element);
    }
  }

  /** Reports a warning on one annotation of {@code element}, unless it is suppressed there. */
  public void warning(Element element, AnnotationMirror annotation, String message) {
    if (!suppressed(element)) {
      messager.printMessage(Diagnostic.Kind.WARNING, message, element, annotation);
    }
  }

  /** {@return how many errors were reported so far} */
  public int errorCount() {
    return errorCount;
  }

  private static boolean suppressed(Element element) {
    for (Element around = element; around != null; around = around.getEnclosingElement()) {
      SuppressWarnings suppress = around.getAnnotation(SuppressWarnings.class);
      if (suppress != null && Arrays.asList(suppress.value()).contains(SUPPRESSION)) {
        return true;
      }
    }
    return false;
  }
}
