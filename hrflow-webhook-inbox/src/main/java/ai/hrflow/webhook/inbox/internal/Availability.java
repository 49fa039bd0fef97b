package ai.hrflow.webhook.inbox.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Whether the inbox's database answers, as last seen. After a failure, intake fails fast (503 at
 * once, without waiting for a connection) while one caller per second probes the database; the first
 * probe that succeeds lets intake through again. Health checks read the same state, and probe at most
 * once a second however often they are called: an unauthenticated {@code /healthz} cannot make the
 * database busy.
 */
public final class Availability {

  /** What health checks say while the database does not answer; details go to the log, not to clients. */
  public static final String UNREACHABLE = "inbox database unreachable";

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook.inbox");
  private static final long PROBE_INTERVAL_NANOS = 1_000_000_000L;

  private final LongSupplier nanoClock;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile boolean down;
  private volatile long lastSeen;

  /** A database presumed up, timed by {@code nanoClock}. */
  public Availability(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.lastSeen = nanoClock.getAsLong();
  }

  /** A probe: a trivial query. */
  @FunctionalInterface
  public interface Probe {
    /** Reaches the database, or throws. */
    void run() throws Exception;
  }

  /** Records that the database answered. */
  public void succeeded() {
    lastSeen = nanoClock.getAsLong();
    if (down) {
      down = false;
      LOG.log(Level.WARNING, "inbox database reachable again: storing events");
    }
  }

  /** Records that the database failed to answer, and logs the first failure of an outage. */
  public void failed(Throwable cause) {
    lastSeen = nanoClock.getAsLong();
    if (!down) {
      down = true;
      LOG.log(Level.WARNING, "inbox database unreachable: answering 503 with Retry-After until it is back", cause);
    }
  }

  /**
   * Whether an intake may try the database now: always while it is up; while it is down, after
   * {@code probe} succeeds, and only for the one caller per second that gets to run it.
   */
  public boolean mayTry(Probe probe) {
    if (!down) {
      return true;
    }
    probeIfDue(probe);
    return !down;
  }

  /** {@return why the database cannot take events, or null}: probes first if the last answer is a second old */
  public String reason(Probe probe) {
    probeIfDue(probe);
    return down ? UNREACHABLE : null;
  }

  private void probeIfDue(Probe probe) {
    if (nanoClock.getAsLong() - lastSeen >= PROBE_INTERVAL_NANOS && probing.compareAndSet(false, true)) {
      try {
        probe.run();
        succeeded();
      } catch (Exception e) {
        failed(e);
      } finally {
        probing.set(false);
      }
    }
  }
}
