package ai.hrflow.webhook.cli;

import ai.hrflow.webhook.api.HrFlowApiException;
import ai.hrflow.webhook.api.HrFlowWebhookApi;
import ai.hrflow.webhook.api.WebhookCheck;
import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.internal.NearestTypes;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import ai.hrflow.webhook.inbox.DeadEvent;
import ai.hrflow.webhook.inbox.InboxAdmin;
import ai.hrflow.webhook.inbox.InboxStats;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.SignatureVerifier;
import ai.hrflow.webhook.runtime.Verification;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.runtime.internal.log.LogText;
import ai.hrflow.webhook.testing.SampleEvents;
import ai.hrflow.webhook.testing.WebhookTester;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line for HrFlow webhooks: send a correctly signed event to an endpoint (like {@code
 * stripe trigger}), sign or verify a payload, list the event types, and call HrFlow's webhook/check
 * and webhook/test. Run as {@code java -jar hrflow-webhook-cli-<version>.jar <command>}; {@code
 * <command> --help} describes each command.
 *
 * <p>Exit status: 0 on success, 1 when the action failed (a non-2xx answer, an invalid signature,
 * HrFlow refusing, a server that cannot be reached), 2 for a wrong command line.
 */
public final class WebhookCli {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** The commands, each with the options it takes and what it does. */
  private enum Command {
    SEND(
        "send --url URL (--event TYPE | --file payload.json) [--scheme SCHEME]",
        "POSTs a correctly signed event to URL: the built-in sample of TYPE, or the JSON in --file (an event\n"
            + "or an array of events). Prints the answer; exits 1 unless it is 2xx, or if there is no whole\n"
            + "answer within 10 seconds.",
        Set.of("url", "secret", "secret-file", "event", "file", "scheme")),
    SIGN(
        "sign (--event TYPE | --file payload.json) [--scheme SCHEME]",
        "Prints the HTTP-HRFLOW-SIGNATURE value for the payload (--file - reads standard input).",
        Set.of("secret", "secret-file", "event", "file", "scheme")),
    VERIFY(
        "verify --header VALUE [--file body.json]",
        "Says whether a signature header holds, in which scheme, and what it signs. A BODY_HEX signature\n"
            + "signs the request body: give the body with --file.",
        Set.of("secret", "secret-file", "header", "file")),
    CHECK(
        "check --url URL --event TYPE [--base-url B]",
        "Asks HrFlow to confirm the webhook at URL for TYPE (POST /webhook/check).",
        Set.of("api-key", "api-key-file", "url", "event", "base-url")),
    TEST(
        "test [--base-url B]",
        "Asks HrFlow to send a test notification to the webhook of this API key (POST /webhook/test).",
        Set.of("api-key", "api-key-file", "base-url")),
    EVENTS("events", "Lists the event types of the catalog: type, payload record, what happened.", Set.of()),
    INBOX(
        "inbox (stats | dead | replay) --jdbc-url URL [--user U] [--limit N]",
        "Looks into a durable inbox's database (hrflow-webhook-inbox):\n"
            + "  stats   pending events (and how many are retrying), the oldest one's age, dead events\n"
            + "  dead    the dead events, oldest first: id, type, attempts, last attempt, last error (--limit, default 20)\n"
            + "  replay  queues every dead event again, attempts reset; running inboxes pick them up\n"
            + "URL is the database's JDBC URL, such as jdbc:postgresql://db:5432/app. An embedded inbox is\n"
            + "jdbc:h2:async:/absolute/path/hrflow-inbox/inbox with --user hrflow, readable while its application is\n"
            + "stopped (H2 locks the file). The password comes from $HRFLOW_INBOX_DB_PASSWORD or --password-file FILE.",
        Set.of("jdbc-url", "user", "password-file", "limit"));

    final String synopsis;
    final String description;
    final Set<String> options;

    Command(String synopsis, String description, Set<String> options) {
      this.synopsis = synopsis;
      this.description = description;
      this.options = options;
    }

    String commandName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Command named(String name) throws UsageException {
      for (Command command : values()) {
        if (command.commandName().equals(name)) {
          return command;
        }
      }
      throw new UsageException("unknown command \"" + name + "\"");
    }
  }

  private static final String SCHEMES =
      "SCHEME is one of SIGNED_HEX (default, the official SDK's), SIGNED_RAW, SIGNED_SEGMENT, BODY_HEX.";

  private static final String CREDENTIALS =
      "The webhook secret (send, sign, verify) comes from $HRFLOW_WEBHOOK_SECRET or --secret-file FILE, and the\n"
          + "API key (check, test) from $HRFLOW_API_KEY or --api-key-file FILE. --secret S and --api-key K work\n"
          + "too, but every user of this machine can read them in the process list.";

  /** How long a call may take, from connecting to the answer's last byte. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The most of a remote text the CLI prints. */
  private static final int PRINTED_CHARACTERS = 10_000;

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final String program;
  private final Map<String, String> environment;

  WebhookCli(PrintStream out, PrintStream err, InputStream in, String program, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.program = program;
    this.environment = environment;
  }

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    System.exit(new WebhookCli(System.out, System.err, System.in, programName(), System.getenv()).run(args));
  }

  /**
   * How this program was started, for its usage text: the name the {@code bin/hrflow-webhook}
   * wrapper passes in {@code hrflow.webhook.cli.name}, or {@code java -jar <this jar>}.
   */
  static String programName() {
    String named = System.getProperty("hrflow.webhook.cli.name");
    if (named != null && !named.isBlank()) {
      return named;
    }
    try {
      Path location = Path.of(WebhookCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (location.getFileName() != null && location.getFileName().toString().endsWith(".jar")) {
        return "java -jar " + location.getFileName();
      }
    } catch (URISyntaxException | RuntimeException notAJar) {
      // fall through to the class name
    }
    return "java " + WebhookCli.class.getName();
  }

  /** Runs one command line and returns its exit status. */
  int run(String... args) {
    if (args.length == 0 || isHelp(args[0])) {
      (args.length == 0 ? err : out).println(usage());
      return args.length == 0 ? USAGE : OK;
    }
    Command command = null;
    try {
      command = Command.named(args[0]);
      List<String> arguments = List.of(args).subList(1, args.length);
      if (arguments.stream().anyMatch(WebhookCli::isHelp)) {
        out.println(usage(command));
        return OK;
      }
      String action = null;
      if (command == Command.INBOX) {
        if (arguments.isEmpty() || arguments.get(0).startsWith("--")) {
          throw new UsageException("inbox: say what to do: stats, dead or replay");
        }
        action = arguments.get(0);
        arguments = arguments.subList(1, arguments.size());
      }
      Options options = Options.parse(command.commandName(), arguments, command.options);
      switch (command) {
        case SEND:
          return send(options);
        case SIGN:
          return sign(options);
        case VERIFY:
          return verify(options);
        case CHECK:
          return check(options);
        case TEST:
          return test(options);
        case EVENTS:
          return events();
        case INBOX:
          return inbox(action, options);
        default:
          throw new IllegalStateException("no action for " + command);
      }
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.println(command == null ? usage() : usage(command));
      return USAGE;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    }
  }

  private static boolean isHelp(String argument) {
    return argument.equals("--help") || argument.equals("-h") || argument.equals("help");
  }

  private String usage() {
    StringBuilder usage = new StringBuilder("usage: ").append(program).append(" <command> [options]\n\n");
    for (Command command : Command.values()) {
      usage.append("  ").append(command.synopsis).append('\n');
    }
    return usage
        .append('\n')
        .append(SCHEMES)
        .append('\n')
        .append(CREDENTIALS)
        .append("\nRun ")
        .append(program)
        .append(" <command> --help for what a command does.")
        .toString();
  }

  private String usage(Command command) {
    return "usage: " + program + " " + command.synopsis + "\n\n" + command.description + (command.options.contains("scheme") ? "\n" + SCHEMES : "")
        + (command == Command.EVENTS || command == Command.INBOX ? "" : "\n" + CREDENTIALS);
  }

  private int send(Options options) throws UsageException, IOException {
    URI url = uri(options.required("url"), "--url");
    String secret = secret(options);
    String file = options.optional("file");
    String type = options.optional("event");
    if (file == null && type == null) {
      throw new UsageException("send: --event is required unless --file gives the payload");
    }
    if (type != null) {
      checkType(type);
    }
    WebhookTester tester = WebhookTester.of(url, secret).scheme(scheme(options)).timeout(TIMEOUT);
    WebhookResponse response;
    try {
      response = file != null ? tester.sendJson(new String(file(file), StandardCharsets.UTF_8)) : tester.send(type);
    } catch (UncheckedIOException e) {
      throw new IOException(sendFailure(url, e.getCause()), e.getCause());
    }
    out.println(response.status() + " " + remote(response.body()));
    return response.isSuccess() ? OK : FAILED;
  }

  /** Text that came from the network, with control characters shown as escapes, and cut. */
  private static String remote(String text) {
    return LogText.of(text, PRINTED_CHARACTERS);
  }

  /** Why sending failed, in the words a user searches for. */
  private static String sendFailure(URI url, IOException cause) {
    if (cause instanceof ConnectException) {
      return "could not send to " + url + ": connection refused (is the server running, and on that port?)";
    }
    if (cause instanceof HttpTimeoutException) {
      return "could not send to " + url + ": no whole answer within " + TIMEOUT.toSeconds() + " s";
    }
    return "could not send to " + url + ": " + remote(String.valueOf(cause));
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
    if (options.optional("file") == null && !header.strip().isEmpty() && header.indexOf('.') < 0) {
      throw new UsageException(
          "verify: this is a BODY_HEX signature, which signs the request body: give the body with --file body.json");
    }
    byte[] body = options.optional("file") == null ? new byte[0] : file(options.optional("file"));
    Verification verification = new SignatureVerifier(List.of(secret), EnumSet.allOf(SignatureScheme.class)).verify(header, body);
    if (verification instanceof Verification.Verified verified) {
      out.println("valid (" + verified.scheme() + "): " + new String(verified.payload(), StandardCharsets.UTF_8));
      return OK;
    }
    out.println("invalid: " + ((Verification.Rejected) verification).reason());
    return FAILED;
  }

  private int check(Options options) throws UsageException, IOException {
    HrFlowWebhookApi api = api(options);
    URI url = uri(options.required("url"), "--url");
    String type = options.required("event");
    try {
      WebhookCheck check = EventType.of(type).isPresent() ? api.check(url, type) : api.checkCustomType(url, type);
      out.println("ok: team " + remote(check.teamName()) + ", webhook " + remote(check.webhookId()) + ", " + remote(check.url()) + ", " + remote(check.type()));
      return OK;
    } catch (HrFlowApiException e) {
      err.println("error: " + remote(e.getMessage()));
      return FAILED;
    } catch (IllegalArgumentException e) {
      throw new UsageException("check: " + e.getMessage());
    }
  }

  private int test(Options options) throws UsageException, IOException {
    try {
      out.println("ok: " + remote(api(options).test()));
      return OK;
    } catch (HrFlowApiException e) {
      err.println("error: " + remote(e.getMessage()));
      return FAILED;
    }
  }

  private int events() {
    for (EventType type : EventType.values()) {
      out.printf(Locale.ROOT, "%-28s %-14s %s%n", type.type(), PayloadSchema.of(type.family()).payloadSimpleName(), type.description());
    }
    return OK;
  }

  private int inbox(String action, Options options) throws UsageException, IOException {
    if (!List.of("stats", "dead", "replay").contains(action)) {
      throw new UsageException("inbox: \"" + action + "\" is not stats, dead or replay");
    }
    String url = options.required("jdbc-url");
    if (!url.startsWith("jdbc:")) {
      throw new UsageException("inbox: --jdbc-url " + url + " is not a JDBC URL (jdbc:postgresql://host:5432/db, jdbc:h2:...)");
    }
    int limit = limit(options.optional("limit"));
    String password = null;
    if (options.optional("password-file") != null || environment.containsKey("HRFLOW_INBOX_DB_PASSWORD")) {
      password = credential(options, "password", "HRFLOW_INBOX_DB_PASSWORD");
    }
    try {
      InboxAdmin admin = InboxAdmin.of(new UrlDataSource(url, options.optional("user"), password));
      switch (action) {
        case "stats" -> {
          InboxStats stats = admin.stats();
          out.printf(
              Locale.ROOT,
              "pending %d (%d retrying), oldest %s; dead %d%n",
              stats.pending(),
              stats.retrying(),
              stats.pending() == 0 ? "none" : stats.oldestPendingAge().toSeconds() + " s",
              stats.dead());
        }
        case "dead" -> {
          List<DeadEvent> dead = admin.deadEvents(limit);
          for (DeadEvent event : dead) {
            String error = event.lastError() == null ? "" : event.lastError().lines().findFirst().orElse("");
            out.printf(
                Locale.ROOT,
                "%s  %s  %d attempts  last %s  %s%n",
                event.id(),
                remote(event.type()),
                event.attempts(),
                event.lastAttemptAt(),
                LogText.of(error, 300));
          }
          out.println(dead.size() + (dead.size() == limit ? " dead events shown (--limit " + limit + "); there may be more" : " dead events"));
        }
        default -> out.println("replayed " + admin.replayDead() + " dead events");
      }
      return OK;
    } catch (SQLException e) {
      err.println("error: the inbox database at " + LogText.of(UrlDataSource.withoutSecrets(url), 300) + " failed: " + LogText.of(String.valueOf(e.getMessage()), 500));
      return FAILED;
    } catch (IllegalStateException | IllegalArgumentException e) {
      err.println("error: " + LogText.of(e.getMessage(), 1000));
      return FAILED;
    }
  }

  private static int limit(String text) throws UsageException {
    if (text == null) {
      return 20;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit > 0) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new UsageException("inbox: --limit " + text + " is not a positive number");
  }

  private HrFlowWebhookApi api(Options options) throws UsageException, IOException {
    HrFlowWebhookApi.Builder api = HrFlowWebhookApi.builder().timeout(TIMEOUT);
    api.apiKey(credential(options, "api-key", "HRFLOW_API_KEY"));
    if (options.optional("base-url") != null) {
      try {
        api.baseUrl(uri(options.optional("base-url"), "--base-url"));
      } catch (IllegalArgumentException clear) {
        throw new UsageException("--base-url: " + clear.getMessage());
      }
    }
    return api.build();
  }

  /**
   * A secret from {@code --<name>-file}, {@code --<name>} (with a warning: other users see it) or the
   * environment variable {@code variable}, in that order.
   */
  private String credential(Options options, String name, String variable) throws UsageException, IOException {
    String file = options.optional(name + "-file");
    String given = options.optional(name);
    if (file != null && given != null) {
      throw new UsageException("give --" + name + "-file or --" + name + ", not both");
    }
    String value;
    if (file != null) {
      value = new String(file(file), StandardCharsets.UTF_8).strip();
    } else if (given != null) {
      err.println(
          "warning: --" + name + " is visible to every user of this machine in the process list; set " + variable
              + " or use --" + name + "-file instead");
      value = given;
    } else {
      value = environment.get(variable);
      if (value == null) {
        throw new UsageException("no " + name.replace('-', ' ') + ": set " + variable + ", or give --" + name + "-file FILE");
      }
    }
    if (value.isBlank()) {
      throw new UsageException("the " + name.replace('-', ' ') + " is empty");
    }
    return value;
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

  private String secret(Options options) throws UsageException, IOException {
    return credential(options, "secret", "HRFLOW_WEBHOOK_SECRET");
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
    } catch (URISyntaxException e) {
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
