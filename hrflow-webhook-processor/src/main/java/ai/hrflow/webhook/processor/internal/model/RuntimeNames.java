package ai.hrflow.webhook.processor.internal.model;

/** The names of the runtime types that generated code refers to; the runtime defines them. */
public final class RuntimeNames {

  /** The runtime's API package. */
  public static final String RUNTIME_PACKAGE = "ai.hrflow.webhook.runtime";

  /** The interface every generated dispatcher implements. */
  public static final String DISPATCHER = "WebhookDispatcher";

  /** One decoded event, the untyped handler parameter. */
  public static final String EVENT = "WebhookEvent";

  /** What a dispatcher did with one event. */
  public static final String DISPATCH_RESULT = "DispatchResult";

  /** The annotation on the runtime's payload package that asks for the catalog's payload records. */
  public static final String PAYLOADS_FROM_CATALOG = "ai.hrflow.webhook.payload.PayloadsFromCatalog";

  private RuntimeNames() {}

  /**
   * The fully qualified name of a runtime API type.
   */
  public static String qualified(String simpleName) {
    return RUNTIME_PACKAGE + "." + simpleName;
  }
}
