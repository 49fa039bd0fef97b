package ai.hrflow.webhook.processor.validate;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element that causes them, and counts errors so that processing can go on
 * and show every mistake of a compilation at once.
 */
public final class Reporter {

  private final Messager messager;
  private int errorCount;

  /**
   * A reporter that writes to {@code messager}.
   *
   * @param messager the messager
   */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /**
   * Reports an error on {@code element}.
   *
   * @param element the element
   * @param message the message
   */
  public void error(Element element, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /**
   * Reports an error on one annotation of {@code element}.
   *
   * @param element the element
   * @param annotation the annotation
   * @param message the message
   */
  public void error(Element element, AnnotationMirror annotation, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
  }

  /**
   * Reports a warning on {@code element}.
   *
   * @param element the element
   * @param message the message
   */
  public void warning(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, message, element);
  }

  /** {@return how many errors were reported so far} */
  public int errorCount() {
    return errorCount;
  }
}
