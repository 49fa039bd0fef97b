package ai.hrflow.webhook.processor;

import static com.google.testing.compile.Compiler.javac;

import ai.hrflow.webhook.HrFlowWebhook;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Runs javac with the processor on in-memory sources, as strictly as a careful user's build. */
final class Compilations {

  /** Every lint but processing, and warnings as errors: generated code must not warn. */
  static final List<String> STRICT_OPTIONS = List.of("-Xlint:all,-processing", "-Werror");

  private Compilations() {}

  /** Compiles {@code sources} with the processor and {@link #STRICT_OPTIONS}. */
  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new HrFlowWebhookProcessor()).withOptions(STRICT_OPTIONS).compile(sources);
  }

  /** Compiles with the processor, without -Werror, so that warnings stay warnings. */
  static Compilation compileLeniently(JavaFileObject... sources) {
    return javac().withProcessors(new HrFlowWebhookProcessor()).compile(sources);
  }

  /** Compiles with only the annotations module on the classpath, as if the runtime were forgotten. */
  static Compilation compileWithoutRuntime(JavaFileObject... sources) {
    return javac()
        .withProcessors(new HrFlowWebhookProcessor())
        .withClasspath(List.of(locationOf(HrFlowWebhook.class)))
        .compile(sources);
  }

  /** A source file {@code test.<name>} made of {@code lines}, numbered from 1. */
  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines("test." + name, lines);
  }

  /** A handler interface {@code test.Hooks} whose body is {@code bodyLines}, starting on line 8. */
  static JavaFileObject hooks(String... bodyLines) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;"); // 1
    lines.add("import ai.hrflow.webhook.*;"); // 2
    lines.add("import ai.hrflow.webhook.payload.*;"); // 3
    lines.add("import ai.hrflow.webhook.runtime.WebhookEvent;"); // 4
    lines.add(""); // 5
    lines.add("@HrFlowWebhook"); // 6
    lines.add("public interface Hooks {"); // 7
    lines.addAll(List.of(bodyLines)); // 8...
    lines.add("}");
    return source("Hooks", lines.toArray(String[]::new));
  }

  private static File locationOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
