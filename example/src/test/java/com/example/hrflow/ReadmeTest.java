package com.example.hrflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README shows code that compiles: each {@code <!-- snippet:PATH -->} block is the file at PATH,
 * compiled by this module's tests. Run with {@code -Dreadme.update=true} to copy the files in.
 */
class ReadmeTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern SNIPPET = Pattern.compile("<!-- snippet:(\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void snippetsAreTheCompiledFiles() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher matcher = SNIPPET.matcher(readme);
    StringBuilder updated = new StringBuilder();
    int snippets = 0;
    while (matcher.find()) {
      snippets++;
      String file = Files.readString(ROOT.resolve(matcher.group(1)));
      if (Boolean.getBoolean("readme.update")) {
        matcher.appendReplacement(updated, Matcher.quoteReplacement("<!-- snippet:" + matcher.group(1) + " -->\n```java\n" + file + "```"));
      } else {
        assertEquals(file, matcher.group(2), matcher.group(1) + " differs from the README; run with -Dreadme.update=true");
      }
    }
    if (Boolean.getBoolean("readme.update")) {
      matcher.appendTail(updated);
      Files.writeString(ROOT.resolve("README.md"), updated.toString());
    }
    assertEquals(3, snippets, "the Spring, Servlet and inbox snippets");
  }

  @Test
  void theProcessorsDependenciesNeverReachTheRuntimeClassPath() throws IOException {
    String runtime = Files.readString(Path.of("target/runtime-dependencies.txt"));
    assertTrue(runtime.contains("hrflow-webhook-runtime"), runtime);
    for (String compileOnly : new String[] {"javapoet", "auto-service", "hrflow-webhook-processor"}) {
      assertFalse(runtime.contains(compileOnly), compileOnly + " is on the runtime class path: " + runtime);
    }
  }
}
