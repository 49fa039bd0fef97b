package ai.hrflow.webhook.payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the annotation processor to generate this package's payload records and {@code EventTypes}
 * from the event catalog, so that no hand-written copy of the catalog exists.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PACKAGE)
@interface PayloadsFromCatalog {}
