package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads an {@link Instant} from any date form of {@link DateForms}, or from HrFlow's date object
 * {@code {"iso8601": ..., "timestamp": ..., "text": ...}}; anything else gives null, never an error.
 */
final class LenientInstantDeserializer extends StdScalarDeserializer<Instant> {

  private static final long serialVersionUID = 1L;

  LenientInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_STRING:
        return DateForms.parse(parser.getText());
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : DateForms.fromEpoch(parser.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return DateForms.fromEpoch(parser.getDoubleValue());
      case START_OBJECT:
        return fromDateObject(parser.readValueAsTree());
      default:
        parser.skipChildren();
        return null;
    }
  }

  private static Instant fromDateObject(JsonNode date) {
    JsonNode iso = date.get("iso8601");
    if (iso != null && iso.isTextual()) {
      Instant parsed = DateForms.parse(iso.textValue());
      if (parsed != null) {
        return parsed;
      }
    }
    JsonNode timestamp = date.get("timestamp");
    if (timestamp != null && timestamp.isIntegralNumber() && timestamp.canConvertToLong()) {
      return DateForms.fromEpoch(timestamp.longValue());
    }
    if (timestamp != null && timestamp.isNumber()) {
      return DateForms.fromEpoch(timestamp.doubleValue());
    }
    if (timestamp != null && timestamp.isTextual()) {
      return DateForms.parse(timestamp.textValue());
    }
    JsonNode text = date.get("text");
    return text != null && text.isTextual() ? DateForms.parse(text.textValue()) : null;
  }

  @Override
  public Instant getNullValue(DeserializationContext context) {
    return null;
  }
}
