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
 * {@code {"iso8601": ..., "timestamp": ..., "text": ...}}, as {@link LenientValues} does; anything else
 * gives null, never an error. For types bound with Jackson, which the HR-JSON records are not.
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
        return LenientValues.instant((JsonNode) parser.readValueAsTree());
      default:
        parser.skipChildren();
        return null;
    }
  }


  @Override
  public Instant getNullValue(DeserializationContext context) {
    return null;
  }
}
