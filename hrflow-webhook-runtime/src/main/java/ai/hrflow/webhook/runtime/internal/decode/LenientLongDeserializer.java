package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a {@link Long} from an integer, a whole float or a numeric string, as {@link LenientValues}
 * does; a value that does not fit in a long, or is no number at all, gives null instead of failing
 * the object it belongs to. For types bound with Jackson, which the HR-JSON records are not.
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
        return LenientValues.whole(parser.getDecimalValue());
      case VALUE_STRING:
        return LenientValues.whole(parser.getText());
      default:
        parser.skipChildren();
        return null;
    }
  }


  @Override
  public Long getNullValue(DeserializationContext context) {
    return null;
  }
}
