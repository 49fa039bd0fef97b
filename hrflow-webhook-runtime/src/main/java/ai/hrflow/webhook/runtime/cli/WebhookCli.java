package ai.hrflow.webhook.runtime.cli;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.NearestTypes;
import ai.hrflow.webhook.runtime.HrFlowApiException;
import ai.hrflow.webhook.runtime.HrFlowWebhookApi;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookCheck;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.runtime.signature.SignatureVerifier;
import ai.hrflow.webhook.runtime.signature.Verification;
import ai.hrflow.webhook.testing.SampleEvents;
import ai.hrflow.webhook.testing.WebhookTester;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line for HrFlow webhooks: send a correctly signed event to an endpoint (like {@code
 * stripe trigger}), sign or verify a payload, and call HrFlow's webhook/check and webhook/test.
 *
 * <pre>
 * WebhookCli send   --url URL --secret S --event TYPE [--file payload.json] [--scheme SCHEME]
 * WebhookCli sign   --secret S (--event TYPE | --file payload.json) [--scheme SCHEME]
 * WebhookCli verify --secret S --header VALUE [--file body.json]
 * WebhookCli check  --api-key K --url URL --event TYPE [--base-url B]
 * WebhookCli test   --api-key K [--base-url B]
 * WebhookCli events
 * </pre>
 *
 * Exit status: 0 on success, 1 when the action failed (a non-2xx answer, an invalid signature,
 * HrFlow refusing), 2 for a wrong command line.
 */
public final class WebhookCli {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT =
      String.join(
          "\n",
          "usage: WebhookCli <command> [options]",
          "",
          "  send   --url URL --secret S --event TYPE [--file payload.json] [--scheme SCHEME]",
          "         POSTs a signed event: the built-in sample of TYPE, or the JSON in --file.",
          "  sign   --secret S (--event TYPE | --file payload.json) [--scheme SCHEME]",
          "         prints the HTTP-HRFLOW-SIGNATURE value for the payload.",
          "  verify --secret S --header VALUE [--file body.json]",
          "         checks a signature header (BODY_HEX needs the body in --file).",
          "  check  --api-key K --url URL --event TYPE [--base-url B]",
          "         asks HrFlow to confirm the webhook (POST /webhook/check).",
          "  test   --api-key K [--base-url B]",
          "         asks HrFlow to send a test notification (POST /webhook/test).",
          "  events lists the event types of the catalog.",
          "",
          "SCHEME is one of SIGNED_HEX (default, the official SDK's), SIGNED_RAW, SIGNED_SEGMENT, BODY_HEX.");

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;

  WebhookCli(PrintStream out, PrintStream err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    System.exit(new WebhookCli(System.out, System.err, System.in).run(args));
  }

  /** Runs one command line and returns its exit status. */
  int run(String... args) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    List<String> options = List.of(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "send":
          return send(Options.parse("send", options, Set.of("url", "secret", "event", "file", "scheme")));
        case "sign":
          return sign(Options.parse("sign", options, Set.of("secret", "event", "file", "scheme")));
        case "verify":
          return verify(Options.parse("verify", options, Set.of("secret", "header", "file")));
        case "check":
          return check(Options.parse("check", options, Set.of("api-key", "url", "event", "base-url")));
        case "test":
          return test(Options.parse("test", options, Set.of("api-key", "base-url")));
        case "events":
          Options.parse("events", options, Set.of());
          return events();
        default:
          throw new UsageException("unknown command \"" + args[0] + "\"");
      }
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.println(USAGE_TEXT);
      return USAGE;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    }
  }

  private int send(Options options) throws UsageException, IOException {
    URI url = uri(options.required("url"), "--url");
    String secret = secret(options);
    String type = options.required("event");
    checkType(type);
    WebhookTester tester = WebhookTester.of(url, secret).scheme(scheme(options));
    WebhookResponse response;
    try {
      response =
          options.optional("file") != null
              ? tester.sendJson(new String(file(options.optional("file")), StandardCharsets.UTF_8))
              : tester.send(type);
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e.getCause()); // "could not send to URL: ..."
    }
    out.println(response.status() + " " + response.body());
    return response.isSuccess() ? OK : FAILED;
  }

  private int sign(Options options) throws UsageException, IOException {
    String secret = secret(options);
    byte[] payload;
    if (options.optional("file") != null) {
      payload = file(options.optional("file"));
    } else if (options.optional("event") != null) {
      checkType(options.optional("event"));
      payload = SampleEvents.bytes(options.optional("event"));
    } else {
      throw new UsageException("sign: give the payload with --file payload.json, or --event TYPE for a sample");
    }
    out.println(WebhookSigner.sign(scheme(options), secret, payload));
    return OK;
  }

  private int verify(Options options) throws UsageException, IOException {
    String secret = secret(options);
    String header = options.required("header");
    byte[] body = options.optional("file") == null ? new byte[0] : file(options.optional("file"));
    Verification verification = new SignatureVerifier(List.of(secret), EnumSet.allOf(SignatureScheme.class)).verify(header, body);
    if (verification instanceof Verification.Verified verified) {
      out.println("valid (" + verified.scheme() + "): " + new String(verified.payload(), StandardCharsets.UTF_8));
      return OK;
    }
    out.println("invalid: " + ((Verification.Rejected) verification).reason());
    return FAILED;
  }

  private int check(Options options) throws UsageException {
    HrFlowWebhookApi api = api(options);
    URI url = uri(options.required("url"), "--url");
    String type = options.required("event");
    try {
      WebhookCheck check = EventType.of(type).isPresent() ? api.check(url, type) : api.checkCustomType(url, type);
      out.println("ok: team " + check.teamName() + ", webhook " + check.webhookId() + ", " + check.url() + ", " + check.type());
      return OK;
    } catch (HrFlowApiException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    } catch (IllegalArgumentException e) {
      throw new UsageException("check: " + e.getMessage());
    }
  }

  private int test(Options options) throws UsageException {
    try {
      out.println("ok: " + api(options).test());
      return OK;
    } catch (HrFlowApiException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    }
  }

  private int events() {
    for (EventType type : EventType.values()) {
      out.printf(Locale.ROOT, "%-28s %-14s %s%n", type.type(), type.family().payloadSimpleName(), type.description());
    }
    return OK;
  }

  private HrFlowWebhookApi api(Options options) throws UsageException {
    HrFlowWebhookApi.Builder api = HrFlowWebhookApi.builder();
    String key = options.required("api-key");
    if (key.isBlank()) {
      throw new UsageException("--api-key is empty");
    }
    api.apiKey(key);
    if (options.optional("base-url") != null) {
      api.baseUrl(uri(options.optional("base-url"), "--base-url"));
    }
    return api.build();
  }

  /**
   * Refuses a type the catalog lacks when it is malformed or a likely typo of a catalog type (two
   * edits or fewer); other well-formed types stay sendable, since HrFlow adds types over time.
   */
  private static void checkType(String type) throws UsageException {
    if (EventType.of(type).isPresent()) {
      return;
    }
    List<String> nearest = NearestTypes.toType(type);
    boolean typo = !nearest.isEmpty() && NearestTypes.distance(type, nearest.get(0)) <= 2;
    if (typo || !type.matches("[a-z]+(\\.[a-z]+){2,}")) {
      throw new UsageException(
          "\"" + type + "\" is not an event type" + (nearest.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearest) + "?")
              + " (run the events command for the list)");
    }
  }

  private static String secret(Options options) throws UsageException {
    String secret = options.required("secret");
    if (secret.isEmpty()) {
      throw new UsageException("--secret is empty");
    }
    return secret;
  }

  private static SignatureScheme scheme(Options options) throws UsageException {
    String scheme = options.optional("scheme");
    if (scheme == null) {
      return SignatureScheme.SIGNED_HEX;
    }
    try {
      return SignatureScheme.valueOf(scheme.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--scheme " + scheme + " is not one of " + EnumSet.allOf(SignatureScheme.class));
    }
  }

  private static URI uri(String text, String option) throws UsageException {
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new UsageException(option + " " + text + " is not an http(s) URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new UsageException(option + " " + text + " is not a URL: " + e.getReason());
    }
  }

  private byte[] file(String name) throws UsageException, IOException {
    if (name.equals("-")) {
      return in.readAllBytes();
    }
    try {
      return Files.readAllBytes(Path.of(name));
    } catch (NoSuchFileException e) {
      throw new UsageException("no file " + name);
    }
  }
}
