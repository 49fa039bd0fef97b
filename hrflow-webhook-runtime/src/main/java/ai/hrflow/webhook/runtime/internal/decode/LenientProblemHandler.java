package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;

/**
 * Turns every value of unexpected shape into null instead of an error, so that one odd field never
 * fails a whole event: an object where a string is expected, a word where a number is, a string
 * where an object is. The value stays reachable in the event's raw JSON.
 */
final class LenientProblemHandler extends DeserializationProblemHandler {

  @Override
  public Object handleUnexpectedToken(
      DeserializationContext context, JavaType targetType, JsonToken token, JsonParser parser, String failureMessage)
      throws IOException {
    parser.skipChildren();
    return null;
  }

  @Override
  public Object handleWeirdStringValue(
      DeserializationContext context, Class<?> targetType, String value, String failureMessage) {
    return null;
  }

  @Override
  public Object handleWeirdNumberValue(
      DeserializationContext context, Class<?> targetType, Number value, String failureMessage) {
    return null;
  }

  @Override
  public Object handleWeirdNativeValue(
      DeserializationContext context, JavaType targetType, Object value, JsonParser parser) {
    return null;
  }

  @Override
  public Object handleMissingInstantiator(
      DeserializationContext context, Class<?> instanceClass, ValueInstantiator instantiator, JsonParser parser, String message)
      throws IOException {
    parser.skipChildren();
    return null;
  }

  @Override
  public Object handleInstantiationProblem(
      DeserializationContext context, Class<?> instanceClass, Object argument, Throwable problem) {
    return null;
  }
}
