package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large signed body for {@code large-body.sh}: {@code LargeBody (batch|event) bytes file
 * secret} writes about {@code bytes} of JSON (a batch of 1 KB profile events, or one event with a long
 * text) to {@code file} and prints its BODY_HEX signature.
 */
public final class LargeBody {

  private LargeBody() {}

  public static void main(String[] args) throws IOException {
    int bytes = Integer.parseInt(args[1]);
    byte[] body = args[0].equals("batch") ? Payloads.batchOfAbout(bytes) : Payloads.eventOfAbout(bytes);
    Files.write(Path.of(args[2]), body);
    System.out.println(WebhookSigner.sign(SignatureScheme.BODY_HEX, args[3], body));
  }
}
