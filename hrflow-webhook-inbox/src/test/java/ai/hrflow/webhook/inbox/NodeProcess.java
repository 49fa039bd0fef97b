package ai.hrflow.webhook.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** An {@link InboxNode} started in a JVM of its own, on this JVM's class path (public for the inbox benchmark). */
public final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
  private final int port;
  final String name;

  private NodeProcess(String name, Map<String, String> properties) throws IOException, InterruptedException {
    this.name = name;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dinbox.name=" + name);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(InboxNode.class.getName());
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader = new Thread(this::read, "node-output-" + name);
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Integer found = null;
    while (found == null) {
      for (String line : output) {
        if (line.startsWith("NODE LISTENING ")) {
          found = Integer.parseInt(line.substring("NODE LISTENING ".length()).strip());
        }
      }
      if (found == null) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("node " + name + " did not start:\n" + String.join("\n", output));
        }
        Thread.sleep(20);
      }
    }
    this.port = found;
  }

  /** Starts a node named {@code name} with these {@code inbox.*} properties. */
  public static NodeProcess start(String name, Map<String, String> properties) throws IOException, InterruptedException {
    return new NodeProcess(name, properties);
  }

  private void read() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        output.add(line);
      }
    } catch (IOException ended) {
      // the process is gone
    }
  }

  public int port() {
    return port;
  }

  /** Kills the JVM with SIGKILL: no shutdown hook, no close, as a crash or an OOM killer would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** {@return what the node printed} */
  public String output() {
    return String.join("\n", output);
  }

  /** Stops the node gracefully (its standard input closes), or kills it after 60 s. */
  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
