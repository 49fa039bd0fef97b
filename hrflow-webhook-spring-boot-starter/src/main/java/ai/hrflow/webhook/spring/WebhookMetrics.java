package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.runtime.DispatchResult;
import ai.hrflow.webhook.runtime.WebhookListener;
import ai.hrflow.webhook.runtime.WebhookResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The receiver's Micrometer meters: the timer {@value #REQUESTS} tagged {@code status}, and the
 * counter {@value #EVENTS} tagged {@code type} (a type outside HrFlow's catalog counts as {@code
 * other}, so that tags stay bounded) and {@code outcome}: {@code handled}, {@code fallback}, {@code
 * unhandled} or {@code failed} when handled during the request; with the inbox, {@code handled},
 * {@code retrying} or {@code dead} as its workers run it.
 */
public class WebhookMetrics implements WebhookListener {

  /** The timer of webhook calls, tagged {@code status}. */
  public static final String REQUESTS = "hrflow.webhook.requests";

  /** The counter of events, tagged {@code type} and {@code outcome}. */
  public static final String EVENTS = "hrflow.webhook.events";

  private final MeterRegistry registry;
  private final Map<Integer, Timer> requests = new ConcurrentHashMap<>();
  private final Map<String, Counter> events = new ConcurrentHashMap<>();

  /** Meters in {@code registry}. */
  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void requestCompleted(WebhookResponse response, long nanos) {
    // Meters are looked up once per status and per type and outcome, not registered on every call.
    requests
        .computeIfAbsent(
            response.status(),
            status -> Timer.builder(REQUESTS).description("HrFlow webhook calls, by HTTP status").tag("status", String.valueOf(status)).register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void eventDispatched(String type, DispatchResult result, long nanos) {
    event(type, result.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public void handlerFailed(String type, Throwable failure, long nanos) {
    event(type, "failed");
  }

  /** Counts one event of {@code type} with {@code outcome}. */
  void event(String type, String outcome) {
    String tag = EventType.of(type).isPresent() ? type : "other";
    events
        .computeIfAbsent(
            tag + " " + outcome,
            key ->
                Counter.builder(EVENTS)
                    .description("HrFlow webhook events, by type and outcome")
                    .tag("type", tag)
                    .tag("outcome", outcome)
                    .register(registry))
        .increment();
  }
}
