package ai.hrflow.webhook.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module users get, with the API it is meant to have: for each exported package, its public
 * top-level types. Any other public type must live in a package whose name contains {@code .internal}.
 */
enum PublishedModule {
  ANNOTATIONS(
      "hrflow-webhook-annotations",
      Map.of(
          "ai.hrflow.webhook", Set.of("HrFlowWebhook", "OnEvent"),
          "ai.hrflow.webhook.catalog", Set.of("DocumentedIn", "EventType", "PayloadFamily", "Volume"))),
  PROCESSOR("hrflow-webhook-processor", Map.of("ai.hrflow.webhook.processor", Set.of("HrFlowWebhookProcessor"))),
  RUNTIME(
      "hrflow-webhook-runtime",
      Map.of(
          "ai.hrflow.webhook.runtime",
          Set.of(
              "DispatchResult", "EventInbox", "IdempotencyStore", "InboxUnavailableException", "SignatureScheme", "SignatureVerifier", "Verification",
              "WebhookDispatcher", "WebhookDispatcherFactory", "WebhookEvent", "WebhookListener", "WebhookReceiver", "WebhookResponse",
              "WebhookServer", "WebhookSigner"),
          "ai.hrflow.webhook.payload", Set.of("ActionPayload", "EventTypes", "JobPayload", "ProfilePayload"),
          "ai.hrflow.webhook.hrjson",
          Set.of(
              "Attachment", "Board", "DateRange", "Education", "Experience", "FloatRange", "Info", "Job", "Label",
              "Location", "Profile", "Section", "Skill", "Source", "Trait", "Url"),
          "ai.hrflow.webhook.api", Set.of("HrFlowApiException", "HrFlowWebhookApi", "WebhookCheck"))),
  TESTING("hrflow-webhook-testing", Map.of("ai.hrflow.webhook.testing", Set.of("SampleEvents", "WebhookTester"))),
  INBOX("hrflow-webhook-inbox", Map.of("ai.hrflow.webhook.inbox", Set.of("DeadEvent", "InboxAdmin", "InboxListener", "InboxStats", "WebhookInbox"))),
  CLI("hrflow-webhook-cli", Map.of("ai.hrflow.webhook.cli", Set.of("WebhookCli"))),
  SPRING_BOOT_STARTER(
      "hrflow-webhook-spring-boot-starter",
      Map.of(
          "ai.hrflow.webhook.spring",
          Set.of("HrFlowWebhookAutoConfiguration", "HrFlowWebhookConfigurationException", "HrFlowWebhookProperties", "WebhookMetrics")));

  private static final Path ROOT = Path.of("..");

  final String directory;
  final Map<String, Set<String>> api;

  PublishedModule(String directory, Map<String, Set<String>> api) {
    this.directory = directory;
    this.api = api;
  }

  Path classes() {
    return ROOT.resolve(directory).resolve("target/classes");
  }

  List<ClassFile> classFiles() throws IOException {
    return ClassFile.readAll(classes());
  }

  /** The jar Maven built, with the given classifier ({@code ""} for the main one). */
  Path jar(String classifier) throws IOException {
    String suffix = classifier.isEmpty() ? ".jar" : "-" + classifier + ".jar";
    try (var files = Files.list(ROOT.resolve(directory).resolve("target"))) {
      return files
          .filter(file -> {
            String name = file.getFileName().toString();
            return name.startsWith(directory + "-") && name.endsWith(suffix) && (!classifier.isEmpty() || !name.matches(".*-(sources|javadoc|tests)\\.jar"));
          })
          .findFirst()
          .orElseThrow(() -> new AssertionError(directory + " has no " + (classifier.isEmpty() ? "" : classifier + " ") + "jar; run mvn package first"));
    }
  }

  static boolean isInternal(String packageName) {
    return packageName.contains(".internal");
  }
}
