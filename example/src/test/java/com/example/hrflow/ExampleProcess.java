package com.example.hrflow;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example started as users start it, in a JVM of its own, with its output read line by line. */
final class ExampleProcess implements AutoCloseable {

  static final String SECRET = "process-secret";
  private static final Pattern LISTENING = Pattern.compile("Listening for HrFlow webhooks on http://localhost:(\\d+)/webhooks");

  private static final long WAIT_SECONDS = 30;
  private static final String ENDED = "\0ended";

  private final Process process;
  private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
  private final List<String> lines = new ArrayList<>();
  private final int port;

  private ExampleProcess(List<String> command) throws IOException {
    this(command, Map.of());
  }

  private ExampleProcess(List<String> command, Map<String, String> environment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    builder.environment().put("HRFLOW_WEBHOOK_SECRET", SECRET);
    builder.environment().putAll(environment);
    process = builder.start();
    Thread reader = new Thread(this::readOutput, "example-output");
    reader.setDaemon(true);
    reader.start();
    port = Integer.parseInt(await(LISTENING).group(1));
  }

  private void readOutput() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        output.add(line);
      }
    } catch (IOException ended) {
      // the process is gone
    }
    output.add(ENDED);
  }

  /** The example on the class path, with {@code jvmOptions}. */
  static ExampleProcess onClassPath(String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", path()));
    command.addAll(List.of(jvmOptions));
    command.add("com.example.hrflow.ExampleServer");
    return new ExampleProcess(command);
  }

  /** The example as modules: {@code java -p ... -m com.example.hrflow/com.example.hrflow.ExampleServer}. */
  static ExampleProcess onModulePath() throws IOException {
    return onModulePath(Map.of());
  }

  /** The example as modules, with {@code environment} added to its own. */
  static ExampleProcess onModulePath(Map<String, String> environment) throws IOException {
    return new ExampleProcess(List.of(java(), "-p", path(), "-m", "com.example.hrflow/com.example.hrflow.ExampleServer"), environment);
  }

  /** POSTs {@code json}, signed with the example's secret, and returns the status. */
  int post(String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks"))
                    .header(WebhookSigner.HEADER_NAME, WebhookSigner.sign(SignatureScheme.SIGNED_HEX, SECRET, json))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  /** Reads output until a line matches {@code pattern}; fails after half a minute or when the example ends. */
  Matcher await(Pattern pattern) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    try {
      for (String line; (line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null && !line.equals(ENDED); ) {
        lines.add(line);
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return matcher;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("the example did not print " + pattern + "; it printed " + lines);
  }

  /** Every line read so far. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String path() {
    try {
      String dependencies = Files.readString(Path.of("target/runtime-dependencies.txt")).strip();
      return Path.of("target/classes").toAbsolutePath() + File.pathSeparator + dependencies;
    } catch (IOException e) {
      throw new IllegalStateException("target/runtime-dependencies.txt is written by the build", e);
    }
  }
}
