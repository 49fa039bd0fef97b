package ai.hrflow.webhook.runtime.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's recent deliveries: a ring of at most {@code capacity} calls and {@code maxBytes} of
 * memory (the oldest go first), and the {@link ReceiverTap} that fills the call in progress on the
 * request's thread. Only a server with the console on has one.
 */
public final class Deliveries implements ReceiverTap {

  /** The default number of deliveries kept. */
  public static final int DEFAULT_CAPACITY = 200;

  /** The default memory bound of the deliveries kept. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;

  /** Headers whose values never reach the page. */
  static final Set<String> REDACTED = Set.of("http-hrflow-signature", "x-hrflow-signature", "authorization", "x-api-key", "cookie", "x-hrflow-console-token");

  private final int capacity;
  private final long maxBytes;
  private final Clock clock;
  private final Deque<Delivery> ring = new ArrayDeque<>(); // guarded by this
  private long bytes; // guarded by this: the sizes of the deliveries in the ring
  private final AtomicLong nextId = new AtomicLong(1);
  private final ThreadLocal<Delivery> current = new ThreadLocal<>();

  /** A ring of {@code capacity} deliveries and {@code maxBytes}. */
  public Deliveries(int capacity, long maxBytes, Clock clock) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /** Starts recording a call from {@code client} (its source: "network", "replay of #3", "sample"). */
  Delivery begin(String client, String source, Map<String, List<String>> headers) {
    List<String[]> shown = new ArrayList<>();
    Map<String, List<String>> replay = new LinkedHashMap<>();
    long chars = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      boolean redacted = REDACTED.contains(name.toLowerCase(Locale.ROOT));
      for (String value : header.getValue()) {
        shown.add(new String[] {name, redacted ? "(redacted, " + value.length() + " characters)" : cut(value, 500)});
        chars += name.length() + value.length();
      }
      replay.put(name, List.copyOf(header.getValue()));
    }
    return new Delivery(nextId.getAndIncrement(), clock.instant(), client, source, shown, chars <= Delivery.MAX_HEADER_CHARS ? replay : null);
  }

  /** Records a call the server answered without reading it (a wrong method, a body over the limit, saturation): shown, never replayed. */
  void unread(String reason, int status) {
    Delivery delivery = new Delivery(nextId.getAndIncrement(), clock.instant(), "(not read)", "network", List.of(), null);
    delivery.rejected(reason);
    finish(delivery, status);
  }

  /** Records what one of the console's own actions did that is no webhook call (replaying dead inbox events). */
  void action(String source, String note, int status) {
    Delivery delivery = new Delivery(nextId.getAndIncrement(), clock.instant(), "console", source, List.of(), null);
    delivery.note(note);
    finish(delivery, status);
  }

  /** The call in progress on this thread is {@code delivery} (null: none). */
  void current(Delivery delivery) {
    if (delivery == null) {
      current.remove();
    } else {
      current.set(delivery);
    }
  }

  /** Keeps {@code delivery}, answered {@code status}, dropping the oldest beyond the bounds. */
  void finish(Delivery delivery, int status) {
    delivery.finish(status);
    long size = delivery.size();
    synchronized (this) {
      ring.addLast(delivery);
      bytes += size;
      while (ring.size() > capacity || (bytes > maxBytes && ring.size() > 1)) {
        bytes -= ring.removeFirst().size();
      }
    }
  }

  /** {@return the deliveries newer than {@code afterId}, oldest first} */
  public synchronized List<Delivery> after(long afterId) {
    List<Delivery> newer = new ArrayList<>();
    for (Delivery delivery : ring) {
      if (delivery.id > afterId) {
        newer.add(delivery);
      }
    }
    return newer;
  }

  /** {@return the delivery {@code id}, or null when it is gone or never was} */
  public synchronized Delivery get(long id) {
    for (Delivery delivery : ring) {
      if (delivery.id == id) {
        return delivery;
      }
    }
    return null;
  }

  @Override
  public void verified(String scheme, int payloadBytes) {
    Delivery delivery = current.get();
    if (delivery != null) {
      delivery.scheme(scheme, payloadBytes);
    }
  }

  @Override
  public void decoded(List<String> types, List<JsonNode> trees) {
    Delivery delivery = current.get();
    if (delivery != null) {
      delivery.decoded(types, trees);
    }
  }

  @Override
  public void outcome(String type, String outcome, Throwable failure) {
    Delivery delivery = current.get();
    if (delivery != null) {
      delivery.outcome(type, outcome, failure);
    }
  }

  @Override
  public void rejected(String reason) {
    Delivery delivery = current.get();
    if (delivery != null) {
      delivery.rejected(reason);
    }
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max) + "…";
  }
}
