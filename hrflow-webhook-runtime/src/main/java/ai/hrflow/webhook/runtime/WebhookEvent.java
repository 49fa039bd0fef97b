package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.decode.LenientBinding;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One decoded, verified HrFlow webhook event: its type and its whole JSON object.
 *
 * <p>Handler methods that take a {@code WebhookEvent} instead of a payload record get this untyped
 * view; {@link #bind} and {@link #text} reach any field leniently, the way the payload records do.
 * A field is bound to a type on first request only, and the result is kept: parsing an event costs
 * one tree parse, and binding costs nothing for the fields nobody reads.
 *
 * <p>Instances are safe to share between threads. Equality is by type and JSON.
 */
public final class WebhookEvent {

  private static final Bound[] NOTHING_BOUND = new Bound[0];

  private final String type;
  private final JsonNode json;
  private final byte[] source; // the bytes received when the request carried this event alone, or null
  private volatile Bound[] bound = NOTHING_BOUND;

  /** One binding kept: the value of {@code fields} bound to {@code type}. */
  private record Bound(Class<?> type, String[] fields, Object value) {}

  /**
   * An event of {@code type} whose JSON object is {@code json}.
   *
   * @throws IllegalArgumentException if {@code type} is missing or empty, or {@code json} is not an object
   * @param type the type to bind to, such as {@code Profile.class}
   */
  public WebhookEvent(String type, JsonNode json) {
    this(type, json, null);
  }

  /** The same, received as {@code source} (the request's whole payload, this event alone), which it keeps. */
  WebhookEvent(String type, JsonNode json, byte[] source) {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("an event has a non-empty type");
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an event is a JSON object");
    }
    this.type = type;
    this.json = json;
    this.source = source;
  }

  /**
   * The event in {@code json}, whose {@code type} field names its type.
   *
   * @throws IllegalArgumentException if {@code json} is not an object with a non-empty string {@code type}
   */
  public static WebhookEvent of(JsonNode json) {
    Objects.requireNonNull(json, "json");
    JsonNode type = json.get("type");
    if (type == null || !type.isTextual()) {
      throw new IllegalArgumentException("an event has a string field \"type\"");
    }
    return new WebhookEvent(type.textValue(), json);
  }

  /** {@return the event's {@code type} field, such as {@code profile.parsing.success}; never empty} */
  public String type() {
    return type;
  }

  /** {@return the event's JSON object, exactly as sent (do not modify it)} */
  public JsonNode json() {
    return json;
  }

  /**
   * The event's JSON as UTF-8 bytes, for storing or forwarding it: the bytes received when the request
   * carried this event alone (exactly as sent, and without serializing the tree again), otherwise the
   * tree serialized. A new array on each call.
   */
  public byte[] jsonBytes() {
    return source != null ? source.clone() : json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The first of {@code fields} present in the event, bound to {@code type} leniently: unknown
   * fields are ignored, a field of unexpected shape becomes null or an empty list, and a value that
   * cannot be bound at all gives null. Binding uses one shared reader per type, happens on the first
   * call, and is kept for later calls.
   *
   * @param type the type to bind to, such as {@code Profile.class}
   * @param fields the field and its aliases, first match wins, such as {@code "job", "filter"}
   * @return the bound value, or null if no field is present or its value cannot be bound
   * @param <T> the type bound to
   */
  public <T> T bind(Class<T> type, String... fields) {
    for (Bound kept : bound) {
      if (kept.type() == type && Arrays.equals(kept.fields(), fields)) {
        return type.cast(kept.value());
      }
    }
    T value = bindNow(type, fields);
    synchronized (this) {
      Bound[] more = Arrays.copyOf(bound, bound.length + 1);
      more[bound.length] = new Bound(type, fields.clone(), value);
      bound = more;
    }
    return value;
  }

  private <T> T bindNow(Class<T> type, String... fields) {
    for (String field : fields) {
      JsonNode value = json.get(field);
      if (value != null && !value.isNull()) {
        return LenientBinding.bind(value, type);
      }
    }
    return null;
  }

  /**
   * The text of a top-level field: a string as is, a number or boolean as written.
   *
   * @return the text, or null if the field is absent, null, an object or an array
   */
  public String text(String field) {
    JsonNode value = json.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /**
   * A hex SHA-256 of the event's type and JSON: the same for every delivery of the same event, which
   * is what deduplication keys on (HrFlow sends no event id).
   */
  public String fingerprint() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(type.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) '\n');
      sha256.update(json.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookEvent event && type.equals(event.type) && json.equals(event.json);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + json.hashCode();
  }

  /** The type only: event contents (personal data, mostly) stay out of logs. */
  @Override
  public String toString() {
    return "WebhookEvent[" + type + "]";
  }
}
