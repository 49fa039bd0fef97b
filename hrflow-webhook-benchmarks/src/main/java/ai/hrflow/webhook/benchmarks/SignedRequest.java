package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.nio.charset.StandardCharsets;

/**
 * Writes a wrk Lua script that POSTs one signed event: {@code SignedRequest payload scheme secret}.
 * Used by {@code http-benchmark.sh}; the payload is one of the benchmark payloads, or a size such
 * as {@code 64k} for a generated batch of about that many bytes.
 */
public final class SignedRequest {

  private SignedRequest() {}

  public static void main(String[] args) {
    byte[] body = args[0].matches("\\d+k") ? Payloads.batchOfAbout(Integer.parseInt(args[0].replace("k", "")) * 1024) : Payloads.load(args[0]);
    String header = WebhookSigner.sign(SignatureScheme.valueOf(args[1]), args[2], body);
    System.out.println("wrk.method = \"POST\"");
    System.out.println("wrk.headers[\"Content-Type\"] = \"application/json\"");
    System.out.println("wrk.headers[\"" + WebhookSigner.HEADER_NAME + "\"] = \"" + header + "\"");
    System.out.println("wrk.body = " + lua(new String(body, StandardCharsets.UTF_8)));
  }

  private static String lua(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        quoted.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f) {
        quoted.append('\\').append(c);
      } else {
        quoted.append((char) c);
      }
    }
    return quoted.append('"').toString();
  }
}
