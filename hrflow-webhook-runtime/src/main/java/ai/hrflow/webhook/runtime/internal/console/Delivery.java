package ai.hrflow.webhook.runtime.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One webhook call as the console shows it: when, from where, what it got, and each event with its
 * handler's outcome. What it keeps is bounded ({@link #MAX_BODY_BYTES}, {@link #MAX_EVENTS}, {@link
 * #MAX_EVENT_CHARS}); its {@link #size()} is counted against the console's memory bound. Safe for
 * concurrent use: the request's thread writes it while pages read it.
 */
public final class Delivery {

  /** The largest body kept for a replay; a larger call is shown but cannot be replayed. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** The largest headers kept for a replay (a signed-hex signature carries its JSON). */
  public static final int MAX_HEADER_CHARS = 256 * 1024;

  /** The most events listed for one call. */
  public static final int MAX_EVENTS = 50;

  /** The longest event JSON shown; longer ones are cut. */
  public static final int MAX_EVENT_CHARS = 16 * 1024;

  /** One event of the call and its handler's outcome; its JSON only in {@link #eventsWithJson()}. */
  public record Event(String type, String json, boolean cut, String outcome, String error, String stackTrace) {}

  final long id;
  final Instant at;
  final String client;
  final String source;
  final List<String[]> shownHeaders;
  private final Map<String, List<String>> replayHeaders;
  private byte[] body;
  private long bodyBytes;
  private int status;
  private String scheme;
  private String rejection;
  private String note;
  private long micros;
  private final List<Event> events = new ArrayList<>();
  private final List<JsonNode> trees = new ArrayList<>();
  private long payloadBytes;
  private long size = -1;
  private int eventCount;
  private final long started = System.nanoTime();

  Delivery(long id, Instant at, String client, String source, List<String[]> shownHeaders, Map<String, List<String>> replayHeaders) {
    this.id = id;
    this.at = at;
    this.client = client;
    this.source = source;
    this.shownHeaders = shownHeaders;
    this.replayHeaders = replayHeaders;
  }

  synchronized void scheme(String scheme, long payloadBytes) {
    this.scheme = scheme;
    this.payloadBytes = payloadBytes;
  }

  synchronized void rejected(String reason) {
    this.rejection = reason;
  }

  synchronized void note(String note) {
    this.note = note;
  }

  synchronized String note() {
    return note;
  }

  synchronized void decoded(List<String> types, List<JsonNode> decoded) {
    eventCount = decoded.size();
    for (int i = 0; i < Math.min(MAX_EVENTS, decoded.size()); i++) {
      trees.add(decoded.get(i)); // formatted only when a page asks for this delivery
      events.add(new Event(types.get(i), null, false, "not run", null, null));
    }
  }

  /** The events, each with its JSON formatted (and cut past {@link #MAX_EVENT_CHARS}). */
  synchronized List<Event> eventsWithJson() {
    List<Event> shown = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      String json = trees.get(i).toPrettyString();
      boolean cut = json.length() > MAX_EVENT_CHARS;
      shown.add(new Event(event.type(), cut ? json.substring(0, MAX_EVENT_CHARS) : json, cut, event.outcome(), event.error(), event.stackTrace()));
    }
    return shown;
  }

  /** The first event of {@code type} without an outcome gets {@code outcome}. */
  synchronized void outcome(String type, String outcome, Throwable failure) {
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      if (event.type().equals(type) && event.outcome().equals("not run")) {
        events.set(i, new Event(event.type(), null, false, outcome, failure == null ? null : failure.toString(), failure == null ? null : trace(failure)));
        return;
      }
    }
  }

  synchronized void body(byte[] body, long bodyBytes) {
    this.bodyBytes = bodyBytes;
    this.body = body != null && body.length <= MAX_BODY_BYTES ? body : null;
  }

  synchronized void finish(int status) {
    this.status = status;
    this.micros = (System.nanoTime() - started) / 1000;
    if (status == 200 && !events.isEmpty() && events.stream().allMatch(event -> event.outcome().equals("not run"))) {
      // stored in an inbox: its workers run them later
      events.replaceAll(event -> new Event(event.type(), null, false, "queued", null, null));
    }
  }

  synchronized int status() {
    return status;
  }

  synchronized String scheme() {
    return scheme;
  }

  synchronized String rejection() {
    return rejection;
  }

  synchronized long micros() {
    return micros;
  }

  synchronized int eventCount() {
    return eventCount;
  }

  synchronized List<String> types() {
    return events.stream().map(Event::type).distinct().toList();
  }

  /** {@return whether the call can be sent again as it came: its headers kept, and its body if it needed one} */
  synchronized boolean replayable() {
    return replayHeaders != null && status != 0 && (body != null || bodyBytes == 0 || scheme != null && scheme.startsWith("SIGNED"));
  }

  synchronized Map<String, List<String>> replayHeaders() {
    return replayHeaders;
  }

  synchronized byte[] replayBody() {
    return body == null ? new byte[0] : body;
  }

  /** {@return about how many bytes this keeps: counted once, when the call is finished} */
  synchronized long size() {
    if (size >= 0) {
      return size;
    }
    long bytes = 512 + (body == null ? 0 : body.length) + 6 * payloadBytes; // a JSON tree takes several times its text
    if (replayHeaders != null) {
      for (Map.Entry<String, List<String>> header : replayHeaders.entrySet()) {
        bytes += header.getKey().length();
        for (String value : header.getValue()) {
          bytes += value.length();
        }
      }
    }
    for (String[] header : shownHeaders) {
      bytes += header[0].length() + header[1].length();
    }
    for (Event event : events) {
      bytes += event.stackTrace() == null ? 0 : event.stackTrace().length() * 2L;
    }
    if (status != 0) {
      size = bytes;
    }
    return bytes;
  }

  private static String trace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    String trace = text.toString();
    return trace.length() <= 8000 ? trace : trace.substring(0, 8000) + "\n\t...";
  }
}
