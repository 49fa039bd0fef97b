package ai.hrflow.webhook.processor.internal.model;

/** The names of the runtime types that generated code refers to; the runtime defines them. */
public final class RuntimeNames {

  /** The runtime's API package. */
  public static final String RUNTIME_PACKAGE = "ai.hrflow.webhook.runtime";

  /** The interface every generated dispatcher implements. */
  public static final String DISPATCHER = "WebhookDispatcher";

  /** The factory interface of the nested {@code Factory} class of every public generated dispatcher. */
  public static final String DISPATCHER_FACTORY = "WebhookDispatcherFactory";

  /** The simple name of a generated dispatcher's nested factory class. */
  public static final String FACTORY = "Factory";

  /** One decoded event, the untyped handler parameter. */
  public static final String EVENT = "WebhookEvent";

  /** What a dispatcher did with one event. */
  public static final String DISPATCH_RESULT = "DispatchResult";

  /** The annotation on the runtime's payload package that asks for the catalog's payload records. */
  public static final String PAYLOADS_FROM_CATALOG = "ai.hrflow.webhook.payload.PayloadsFromCatalog";

  /** The annotation on the HR-JSON package that asks for binders of its records. */
  public static final String BINDERS_FROM_RECORDS = "ai.hrflow.webhook.hrjson.BindersFromRecords";

  /** The package of the generated binders and of the lenient readers they call. */
  public static final String BINDERS_PACKAGE = "ai.hrflow.webhook.runtime.internal.decode";

  /** The simple name of the generated binders. */
  public static final String BINDERS = "HrJsonBinders";

  /** The simple name of the runtime's lenient value readers, which the binders call. */
  public static final String LENIENT_VALUES = "LenientValues";

  /** Jackson's annotation for the other names a field is sent under. */
  public static final String JSON_ALIAS = "com.fasterxml.jackson.annotation.JsonAlias";

  private RuntimeNames() {}

  /** The fully qualified name of a runtime API type. */
  public static String qualified(String simpleName) {
    return RUNTIME_PACKAGE + "." + simpleName;
  }
}
