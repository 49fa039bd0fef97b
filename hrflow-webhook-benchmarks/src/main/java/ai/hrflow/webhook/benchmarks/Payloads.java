package ai.hrflow.webhook.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The benchmark payloads: a 1 KB profile event, a 5 KB realistic profile event, a batch of 100 events. */
public final class Payloads {

  private Payloads() {}

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
