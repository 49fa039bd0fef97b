package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a verified payload into the JSON objects of its events: one JSON event object, or an array
 * of them, each with a non-empty string {@code type}. The whole payload is checked before any event is returned, so that
 * a request is either dispatched entirely or not at all.
 *
 * <p>Parsing is strict where leniency would be a risk, and bounded on purpose (the "read constraints"):
 * duplicate keys, trailing content, input that is not UTF-8, more events than the receiver's limit,
 * nesting deeper than {@value
 * #MAX_NESTING_DEPTH}, numbers longer than {@value #MAX_NUMBER_LENGTH} digits and names longer than
 * {@value #MAX_NAME_LENGTH} characters are refused; no string or document may exceed the body limit.
 */
public final class EventDecoder {

  /**
   * What a payload held: its events' JSON objects, and whether it was one event object (then the
   * payload's bytes are that event's JSON) rather than an array of them.
   */
  public record Decoded(List<JsonNode> events, boolean single) {}

  /** HR-JSON nests about eight levels deep; two hundred leaves room for any extension. */
  public static final int MAX_NESTING_DEPTH = 200;

  /** Longer numbers are no HR-JSON value and cost quadratic time to convert. */
  public static final int MAX_NUMBER_LENGTH = 1000;

  /** Longer field names are no HR-JSON field. */
  public static final int MAX_NAME_LENGTH = 1024;

  private final ObjectReader reader;
  private final int maxEvents;

  /**
   * A decoder for payloads of at most {@code maxPayloadBytes} and {@code maxEvents} events.
   */
  public EventDecoder(int maxPayloadBytes, int maxEvents) {
    this.maxEvents = maxEvents;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxStringLength(Math.max(maxPayloadBytes, 1))
            .maxDocumentLength(Math.max(maxPayloadBytes, 1))
            .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    reader =
        JsonMapper.builder(factory)
            // Found while building the tree, at no extra cost (the parser's own duplicate detection
            // keeps a set per object and made decoding half as slow again).
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build()
            .readerFor(JsonNode.class);
  }

  /**
   * The events in {@code payload}. An array is parsed one event at a time, so that a payload with
   * more than {@code maxEvents} events is refused before their trees are built.
   *
   * @throws TooManyEventsException if the payload is an array of more than {@code maxEvents} events
   * @throws MalformedEventsException if the payload is not UTF-8 JSON, not an event object or an
   *     array of them, or an event lacks a non-empty string {@code type}
   * @return the JSON object of each event, in order, each with a non-empty string {@code type}; and
   *     whether the payload was one event object rather than an array
   */
  public Decoded decode(byte[] payload) throws MalformedEventsException {
    if (payload.length == 0) {
      throw new MalformedEventsException("payload is empty");
    }
    if (!looksLikeUtf8(payload)) {
      throw new MalformedEventsException("payload is not UTF-8");
    }
    try (JsonParser parser = reader.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedEventsException("payload is empty");
      }
      boolean array = first == JsonToken.START_ARRAY;
      List<JsonNode> events = array ? array(parser) : List.of(event(reader.readTree(parser), -1));
      if (parser.nextToken() != null) {
        throw new MalformedEventsException("payload has content after its JSON value" + where(parser.currentLocation()));
      }
      return new Decoded(events, !array);
    } catch (StreamConstraintsException e) {
      throw new MalformedEventsException("payload exceeds a read limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new MalformedEventsException("payload is not valid JSON" + where(e.getLocation()));
    } catch (IOException e) {
      throw new MalformedEventsException("payload is not valid JSON");
    }
  }

  private List<JsonNode> array(JsonParser parser) throws IOException, MalformedEventsException {
    List<JsonNode> events = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new MalformedEventsException("payload ends inside its array" + where(parser.currentLocation()));
      }
      if (events.size() == maxEvents) {
        throw new TooManyEventsException(maxEvents);
      }
      events.add(event(reader.readTree(parser), events.size()));
    }
    return events;
  }

  /**
   * Jackson would also read UTF-16 and UTF-32, recognised by byte-order marks or zero bytes; HrFlow
   * sends UTF-8 only, so those are refused. A UTF-8 byte-order mark is allowed (RFC 8259, 8.1).
   */
  private static boolean looksLikeUtf8(byte[] payload) {
    if (payload.length >= 2 && ((payload[0] == (byte) 0xFE && payload[1] == (byte) 0xFF) || (payload[0] == (byte) 0xFF && payload[1] == (byte) 0xFE))) {
      return false;
    }
    for (int i = 0; i < Math.min(4, payload.length); i++) {
      if (payload[i] == 0) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode event(JsonNode json, int index) throws MalformedEventsException {
    String which = index < 0 ? "the payload" : "event " + index;
    if (json == null || !json.isObject()) {
      throw new MalformedEventsException(
          which + " is " + (json == null ? "missing" : describe(json)) + (index < 0 ? ", not an event object or an array of events" : ", not an object"));
    }
    JsonNode type = json.get("type");
    if (type == null || !type.isTextual() || type.textValue().isEmpty()) {
      throw new MalformedEventsException(which + " has no non-empty string \"type\"");
    }
    return json;
  }

  private static String describe(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return "not JSON";
    }
  }

  /** Where parsing failed; Jackson's own messages quote the payload, which must not reach logs. */
  private static String where(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
