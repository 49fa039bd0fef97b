package ai.hrflow.webhook.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code vectors.json}, the signature test vectors of the project's spec (copied from
 * {@code shared/spec/vectors.json} so that the build needs nothing outside the repository).
 */
record Vector(
    String name, String secret, String headerName, String header, byte[] body, boolean valid, List<String> events) {

  static List<Vector> all() {
    try (InputStream in = Vector.class.getClassLoader().getResourceAsStream("vectors.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Vector> vectors = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        List<String> events = new ArrayList<>();
        c.get("events").forEach(type -> events.add(type.asText()));
        vectors.add(
            new Vector(
                c.get("name").asText(),
                c.get("secret").asText(),
                c.get("header_name").isNull() ? null : c.get("header_name").asText(),
                c.get("header").isNull() ? null : c.get("header").asText(),
                Base64.getDecoder().decode(c.get("body_base64").asText()),
                c.get("valid").asBoolean(),
                List.copyOf(events)));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request headers of this case. */
  Map<String, List<String>> headers() {
    return headerName == null ? Map.of() : Map.of(headerName, List.of(header));
  }

  @Override
  public String toString() {
    return name;
  }
}
