package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a {@link Long} from an integer, a whole float or a numeric string; a value that does not fit
 * in a long, or is no number at all, gives null instead of failing the record it belongs to.
 */
final class LenientLongDeserializer extends StdScalarDeserializer<Long> {

  private static final long serialVersionUID = 1L;

  LenientLongDeserializer() {
    super(Long.class);
  }

  @Override
  public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    switch (parser.currentToken()) {
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return exactLong(parser.getDecimalValue());
      case VALUE_STRING:
        try {
          return exactLong(new BigDecimal(parser.getText().strip()));
        } catch (NumberFormatException notANumber) {
          return null;
        }
      default:
        parser.skipChildren();
        return null;
    }
  }

  private static Long exactLong(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException notAWholeLong) {
      return null;
    }
  }

  @Override
  public Long getNullValue(DeserializationContext context) {
    return null;
  }
}
