package com.example.hrflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Starts the example in a JVM of its own on the module path ({@code java -p ... -m
 * com.example.hrflow/com.example.hrflow.ExampleServer}), sends it a signed event, and checks it
 * handled it: the modules' descriptors (exports, opens for Jackson, requires) hold at run time.
 */
class ModulePathTest {

  @Test
  void exampleRunsAsModules() throws Exception {
    String dependencies = Files.readString(Path.of("target/runtime-dependencies.txt")).strip();
    String modulePath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator + dependencies;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-p", modulePath, "-m", "com.example.hrflow/com.example.hrflow.ExampleServer")
            .redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    builder.environment().put("HRFLOW_WEBHOOK_SECRET", "module-secret");
    Process process = builder.start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      int port = awaitPort(output);
      String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"m1\",\"info\":{\"full_name\":\"Ada Lovelace\"},\"created_at\":\"2024-01-02T03:04:05+0000\"}}";
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks"))
                      .header(WebhookSigner.HEADER_NAME, WebhookSigner.sign(SignatureScheme.SIGNED_HEX, "module-secret", json))
                      .POST(HttpRequest.BodyPublishers.ofString(json))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(awaitLine(output, "profile parsed: Ada Lovelace"), "the handler bound the profile by reflection, across modules");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int awaitPort(BufferedReader output) throws Exception {
    Pattern listening = Pattern.compile("Listening for HrFlow webhooks on http://localhost:(\\d+)/webhooks");
    for (String line; (line = output.readLine()) != null; ) {
      Matcher matcher = listening.matcher(line);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new AssertionError("the example did not start");
  }

  private static boolean awaitLine(BufferedReader output, String expected) throws Exception {
    for (String line; (line = output.readLine()) != null; ) {
      if (line.contains(expected)) {
        return true;
      }
    }
    return false;
  }

}
