package ai.hrflow.webhook.processor.internal.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * Writes generated types through the {@link Filer}: marked {@code @Generated} with the processor's
 * name and tied to the one element they originate from, as Gradle's isolating incremental
 * processing requires.
 */
public final class SourceFileWriter {

  private final Filer filer;
  private final Optional<ClassName> generatedAnnotation;
  private final String generatorName;

  /**
   * A writer for {@code filer}.
   *
   * @param generatedAnnotation {@code javax.annotation.processing.Generated}, if the compilation can see it
   * @param generatorName the processor's name, the value of {@code @Generated}
   */
  public SourceFileWriter(Filer filer, Optional<ClassName> generatedAnnotation, String generatorName) {
    this.filer = filer;
    this.generatedAnnotation = generatedAnnotation;
    this.generatorName = generatorName;
  }

  /**
   * Writes {@code type} into {@code packageName}, originating from {@code origin}.
   *
   * @throws java.io.IOException if the call fails
   */
  public void write(String packageName, TypeSpec.Builder type, Element origin) throws IOException {
    toJavaFile(packageName, type, origin).writeTo(filer);
  }

  /**
   * The file {@link #write} would write, for tests and tools.
   */
  public JavaFile toJavaFile(String packageName, TypeSpec.Builder type, Element origin) {
    generatedAnnotation.ifPresent(
        generated -> type.addAnnotation(AnnotationSpec.builder(generated).addMember("value", "$S", generatorName).build()));
    type.addOriginatingElement(origin);
    return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).build();
  }
}
