package ai.hrflow.webhook.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A bug in the processor never crashes javac: it becomes an error on the interface being processed,
 * saying where to report it, and the other interfaces are still processed. The bug is provoked by
 * handing the processor a type utility that throws for one interface.
 */
class CrashTest {

  @Test
  void anUnexpectedExceptionBecomesAnErrorOnTheInterfaceAndTheOthersAreStillProcessed() {
    JavaFileObject broken =
        JavaFileObjects.forSourceLines(
            "test.Broken",
            "package test;",
            "import ai.hrflow.webhook.payload.ProfilePayload;",
            "@ai.hrflow.webhook.HrFlowWebhook",
            "public interface Broken {",
            "  void onProfileParsingSuccess(ProfilePayload event);",
            "}");
    JavaFileObject fine = // processed after, or before, the crash
        JavaFileObjects.forSourceLines(
            "test.Other",
            "package test;",
            "import ai.hrflow.webhook.payload.JobPayload;",
            "@ai.hrflow.webhook.HrFlowWebhook",
            "public interface Other {",
            "  void onJobParsingSucces(JobPayload event);",
            "}");
    Compilation compilation = javac().withProcessors(new FailingOn("Broken", new HrFlowWebhookProcessor())).compile(broken, fine);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "The HrFlow webhook processor failed unexpectedly on Broken: java.lang.IllegalStateException: provoked"
                + " for Broken. This is a bug in the processor, not in your code. Please report it on the project's"
                + " issue tracker (CONTRIBUTING.md, \"Reporting a bug\")")
        .inFile(broken)
        .onLine(4);
    assertThat(compilation.errors().get(0).getMessage(null)).contains("at ai.hrflow.webhook.processor");
    // The other interface was still read and validated: its own mistake is reported too.
    assertThat(compilation).hadErrorContaining("Did you mean onJobParsingSuccess?").inFile(fine).onLine(5);
  }

  /** Runs {@code delegate} with a {@link Types} whose {@code asMemberOf} throws for one interface. */
  private static final class FailingOn extends AbstractProcessor {
    private final String interfaceName;
    private final Processor delegate;

    FailingOn(String interfaceName, Processor delegate) {
      this.interfaceName = interfaceName;
      this.delegate = delegate;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      super.init(environment);
      Types types = environment.getTypeUtils();
      Types failing =
          proxy(
              Types.class,
              types,
              (method, args) ->
                  method.getName().equals("asMemberOf")
                      && args[0] instanceof DeclaredType declared
                      && declared.asElement().getSimpleName().contentEquals(interfaceName));
      delegate.init(proxy(ProcessingEnvironment.class, environment, (method, args) -> false, failing));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    private interface Trigger {
      boolean fires(java.lang.reflect.Method method, Object[] args);
    }

    /** {@code target} seen through {@code type}, throwing where {@code trigger} fires; {@code types} replaces getTypeUtils(). */
    private <T> T proxy(Class<T> type, T target, Trigger trigger, Types... types) {
      return type.cast(
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (proxy, method, args) -> {
                if (trigger.fires(method, args)) {
                  throw new IllegalStateException("provoked for " + interfaceName);
                }
                if (types.length > 0 && method.getName().equals("getTypeUtils")) {
                  return types[0];
                }
                try {
                  return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              }));
    }
  }
}
