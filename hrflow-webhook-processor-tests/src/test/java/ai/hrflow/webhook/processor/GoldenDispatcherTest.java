package ai.hrflow.webhook.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated dispatcher of a handler interface that uses every feature, compared character for
 * character with a reviewed golden file (stricter than compile-testing's AST equivalence: formatting
 * and javadoc count too), so that any change in the output shows as a diff here.
 *
 * <p>To accept a deliberate change, run with {@code -Dgolden.update=true} and review the diff of
 * {@code src/test/resources/golden}.
 */
class GoldenDispatcherTest {

  @Test
  void dispatcherMatchesTheGoldenFile() throws IOException {
    Compilation compilation = Compilations.compile(JavaFileObjects.forResource("golden/RecruitingHooks.java"));
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject generated =
        compilation.generatedSourceFile("com.example.hooks.RecruitingHooksDispatcher").orElseThrow();
    String actual = generated.getCharContent(false).toString();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(Path.of("src/test/resources/golden/RecruitingHooksDispatcher.java"), actual);
    }
    assertEquals(golden("golden/RecruitingHooksDispatcher.java"), actual);
  }

  private static String golden(String resource) {
    try (InputStream in = GoldenDispatcherTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
