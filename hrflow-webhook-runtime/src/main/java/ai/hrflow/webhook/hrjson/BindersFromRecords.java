package ai.hrflow.webhook.hrjson;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the annotation processor to generate a binder for every record of this package, which builds
 * it from an event's JSON tree without reflection and without a second parse.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PACKAGE)
@interface BindersFromRecords {}
