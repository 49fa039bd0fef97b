package ai.hrflow.webhook.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The benchmark payloads: a 1 KB profile event, a 5 KB realistic profile event, a batch of 100 events. */
public final class Payloads {

  private Payloads() {}

  /**
   * A JSON array of copies of the 1 KB profile event, each with its own key, of about {@code bytes}
   * bytes (at least one event).
   */
  public static byte[] batchOfAbout(int bytes) {
    String event = new String(load("profile-1k"), java.nio.charset.StandardCharsets.UTF_8);
    int count = Math.max(1, bytes / (event.length() + 1));
    return batch(count);
  }

  /** A JSON array of {@code count} copies of the 1 KB profile event, each with its own key. */
  public static byte[] batch(int count) {
    String event = new String(load("profile-1k"), java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder batch = new StringBuilder(count * (event.length() + 8)).append('[');
    for (int i = 0; i < count; i++) {
      batch.append(i == 0 ? "" : ",").append(event.replace("a5d3c8e1f9b200000000", String.format("a5d3c8e1f9b2%08d", i)));
    }
    return batch.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The 1 KB profile event with its profile's {@code text} grown so that it is about {@code bytes} long. */
  public static byte[] eventOfAbout(int bytes) {
    String event = new String(load("profile-1k"), java.nio.charset.StandardCharsets.UTF_8);
    int grow = Math.max(0, bytes - event.length() - 12);
    String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(grow / 57 + 1).substring(0, grow);
    return event.replace("\"text_language\":", "\"text\":\"" + text + "\",\"text_language\":").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The bytes of {@code payloads/<name>.json}. */
  public static byte[] load(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no payload " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
