package com.example.hrflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the example in a JVM of its own on the module path ({@code java -p ... -m
 * com.example.hrflow/com.example.hrflow.ExampleServer}), sends it a signed event, and checks it
 * handled it: the modules' descriptors (exports, opens, requires) hold at run time.
 */
class ModulePathTest {

  @Test
  void exampleRunsAsModules() throws Exception {
    try (ExampleProcess example = ExampleProcess.onModulePath()) {
      String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"m1\",\"info\":{\"full_name\":\"Ada Lovelace\"},\"created_at\":\"2024-01-02T03:04:05+0000\"}}";
      assertEquals(200, example.post(json));
      example.await(Pattern.compile("profile parsed: Ada Lovelace"));
    }
  }

  /** The inbox and what it brings (db-scheduler and H2 as automatic modules, SLF4J) resolve as modules too. */
  @Test
  void exampleWithAnEmbeddedInboxRunsAsModules(@TempDir Path folder) throws Exception {
    try (ExampleProcess example = ExampleProcess.onModulePath(Map.of("INBOX", "embedded", "INBOX_DIR", folder.toString()))) {
      String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"m2\",\"info\":{\"full_name\":\"Grace Hopper\"}}}";
      assertEquals(200, example.post(json));
      example.await(Pattern.compile("profile parsed: Grace Hopper"));
    }
  }
}
