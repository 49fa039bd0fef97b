package ai.hrflow.webhook.runtime.internal.http;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the JDK server's exchanges, and keeps anyone on the network from holding them: the executor
 * the embedded server gives the JDK's {@code HttpServer}.
 *
 * <p>The JDK hands an exchange to its executor as soon as a connection has a byte to read, and the
 * exchange then reads the request line, the headers and (in the handler) the body with blocking
 * reads. A client that sends slowly, or not at all, holds whatever runs the exchange. So:
 *
 * <ul>
 *   <li><b>A deadline per exchange</b>, enforced here whatever the JDK's own settings: an exchange
 *       still reading its request {@code requestTimeout} after it started is cut off (its thread is
 *       interrupted, which closes the connection). The handler marks the moment reading ends ({@link
 *       Slot#startHandling}); from then on nothing is cut, so a slow handler is never interrupted.
 *       After a refusal answered without reading the body, the exchange may linger a moment to let
 *       the client read the answer, then it is cut too ({@link Slot#linger}).
 *   <li><b>A bound on exchanges in progress</b> ({@code maxExchanges}): beyond it, new exchanges wait,
 *       the newest first (a sender's request is newer than a stalled client's), and each one that
 *       waits cuts off the exchange that has been reading the longest, if that one has been reading
 *       for more than {@value #EVICTION_AGE_MILLIS} ms: a client that sends a request does so in
 *       milliseconds, so the oldest reader is a stalled one. An exchange that waited past its
 *       deadline is run interrupted, so that the JDK closes its connection at once.
 *   <li><b>Threads</b>: a virtual thread per exchange on Java 21 and later; on Java 17, platform
 *       threads, at most {@code maxExchanges} (plus a few to close expired connections), each ending
 *       after {@value #IDLE_SECONDS} s without work.
 *   <li><b>Few platform threads while exchanges make progress</b> (Java 17): at most {@code
 *       softLimit} exchanges (twice the cores, at least 4) run at once; the next ones wait, first come
 *       first served, and one that has waited {@value #GROW_AFTER_MILLIS} ms gets a thread of its own
 *       (up to {@code maxExchanges}): exchanges blocked on slow clients or slow handlers never hold the
 *       others back for longer than that. Under load, dozens of runnable threads on a few cores starve
 *       the JIT's compiler threads: measured on two cores, one JVM in two then never compiled the JDK
 *       server's header parser and served a third of the requests (BENCHMARKS.md, section 2).
 * </ul>
 */
public final class ExchangeScheduler implements Executor, AutoCloseable {

  /** A reader younger than this is never cut off to make room: it may be a sender mid-request. */
  static final long EVICTION_AGE_MILLIS = 250;

  /** How long a platform worker waits for work before it ends. */
  static final long IDLE_SECONDS = 10;

  /** How long an exchange waits for one of the first {@code softLimit} threads before it gets its own. */
  static final long GROW_AFTER_MILLIS = 10;

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");
  private static final long WATCH_PERIOD_MILLIS = 100;
  private static final long GROW_CHECK_MILLIS = 5;
  private static final int SPARE_THREADS = 16;
  private static final MethodHandle VIRTUAL_PER_TASK = virtualPerTask();
  private static final ThreadLocal<Slot> CURRENT = new ThreadLocal<>();

  private final long timeoutNanos;
  private final long lingerNanos;
  private final int maxExchanges;
  private final int softLimit;
  private final ExecutorService threads;
  private final Thread watchdog;
  private final Set<Slot> active = ConcurrentHashMap.newKeySet();
  private final Deque<Queued> waiting = new ArrayDeque<>(); // beyond maxExchanges: newest first
  private final Deque<Queued> pending = new ArrayDeque<>(); // beyond softLimit: first come first served
  private final Object lock = new Object();
  private int running;
  private volatile boolean closed;

  /** An exchange waiting for room, and when it was handed over. */
  private record Queued(Runnable exchange, long since) {}

  /**
   * A scheduler that cuts off reading after {@code timeoutNanos}, lets a refused exchange linger
   * {@code lingerNanos}, and runs at most {@code maxExchanges} at once.
   */
  public ExchangeScheduler(long timeoutNanos, long lingerNanos, int maxExchanges) {
    this(timeoutNanos, lingerNanos, maxExchanges, virtual() ? maxExchanges : Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /** The same, with at most {@code softLimit} exchanges at once before one has waited {@value #GROW_AFTER_MILLIS} ms. */
  ExchangeScheduler(long timeoutNanos, long lingerNanos, int maxExchanges, int softLimit) {
    this.timeoutNanos = timeoutNanos;
    this.lingerNanos = lingerNanos;
    this.maxExchanges = maxExchanges;
    this.softLimit = Math.min(softLimit, maxExchanges);
    this.threads = threads(maxExchanges + SPARE_THREADS);
    this.watchdog = new Thread(this::watch, "hrflow-webhook-deadlines");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** {@return whether exchanges run on virtual threads (Java 21 and later)} */
  public static boolean virtual() {
    return VIRTUAL_PER_TASK != null;
  }

  /** {@return the slot of the exchange running on this thread, or null on any other thread} */
  public static Slot current() {
    return CURRENT.get();
  }

  /** {@return how many exchanges count against the soft limit now} */
  int running() {
    synchronized (lock) {
      return running;
    }
  }

  /** {@return how many exchanges are in progress now} */
  public int inProgress() {
    return active.size();
  }

  @Override
  public void execute(Runnable exchange) {
    long now = System.nanoTime();
    Queued queued = new Queued(exchange, now);
    synchronized (lock) {
      if (running < softLimit) {
        running++;
      } else if (running + pending.size() < maxExchanges) {
        pending.addLast(queued); // a thread of its own after GROW_AFTER_MILLIS, or the next one free
        if (pending.size() == 1) {
          LockSupport.unpark(watchdog); // it looks every GROW_CHECK_MILLIS while something waits
        }
        return;
      } else {
        waiting.addFirst(queued);
        evictOldestReader(now);
        return;
      }
    }
    start(queued);
  }

  /** Runs {@code queued} on a thread of its own; {@code running} counts it already. */
  private void start(Queued queued) {
    try {
      threads.execute(() -> runFrom(queued));
    } catch (RejectedExecutionException full) {
      // Every platform thread is busy, spare ones included: the exchange waits like the others.
      synchronized (lock) {
        running--;
        waiting.addFirst(queued);
      }
    }
  }

  /**
   * Runs {@code first}, then whatever waits, until nothing does: an exchange within the bound in order
   * of arrival while at most {@code softLimit} threads run (or once it has waited {@value
   * #GROW_AFTER_MILLIS} ms), otherwise one beyond the bound, the newest first. A thread added for an
   * exchange that waited ends once nothing overdue is left for it.
   */
  private void runFrom(Queued first) {
    Queued next = first;
    while (next != null) {
      run(next);
      synchronized (lock) {
        Queued head = pending.peekFirst();
        if (head != null && (running <= softLimit || System.nanoTime() - head.since() >= GROW_AFTER_MILLIS * 1_000_000L)) {
          next = pending.pollFirst();
        } else {
          next = waiting.pollFirst();
        }
        if (next == null) {
          running--;
        }
      }
    }
  }

  /**
   * The exchange on this thread stops counting against the soft limit while it waits for something
   * other than its client or the CPU (the inbox's commit): the next exchange waiting for a thread
   * starts now rather than after it. Threads that wait use no core, so the JIT's compiler threads
   * still get theirs; the bound on exchanges in progress is unchanged.
   */
  private void released() {
    Queued next = null;
    synchronized (lock) {
      running--;
      if (running < softLimit && !pending.isEmpty()) {
        next = pending.pollFirst();
        running++;
      }
    }
    if (next != null) {
      start(next);
    }
  }

  /** The exchange on this thread counts again, having waited (possibly above the soft limit for a moment). */
  private void resumed() {
    synchronized (lock) {
      running++;
    }
  }

  /** Gives a thread of its own to each exchange that has waited {@value #GROW_AFTER_MILLIS} ms for one. */
  private void growForWaiting(long now) {
    List<Queued> overdue = null;
    synchronized (lock) {
      while (!pending.isEmpty() && running < maxExchanges && now - pending.peekFirst().since() >= GROW_AFTER_MILLIS * 1_000_000L) {
        if (overdue == null) {
          overdue = new ArrayList<>();
        }
        overdue.add(pending.pollFirst());
        running++;
      }
    }
    if (overdue != null) {
      overdue.forEach(this::start);
    }
  }

  private void run(Queued queued) {
    long started = System.nanoTime();
    Slot slot = new Slot(Thread.currentThread(), started, queued.since() + timeoutNanos, started - queued.since());
    boolean expired = started - queued.since() >= timeoutNanos;
    active.add(slot);
    CURRENT.set(slot);
    try {
      if (expired) {
        slot.cut(); // the JDK's first read fails, and it closes the connection
      }
      queued.exchange().run();
    } catch (RuntimeException | Error failure) {
      if (failure instanceof VirtualMachineError) {
        throw failure;
      }
      LOG.log(Level.WARNING, "webhook exchange failed unexpectedly", failure);
    } finally {
      slot.finish();
      CURRENT.remove();
      active.remove(slot);
      Thread.interrupted(); // a cut that came during the exchange must not reach the next one
    }
  }

  /** Cuts off the exchange that has been reading the longest, to make room for one that waits. */
  private void evictOldestReader(long now) {
    Slot oldest = null;
    for (Slot slot : active) {
      if (slot.isReading() && now - slot.started >= EVICTION_AGE_MILLIS * 1_000_000L && (oldest == null || slot.started < oldest.started)) {
        oldest = slot;
      }
    }
    if (oldest != null) {
      oldest.cut();
    }
  }

  /**
   * Every tenth of a second: cuts off exchanges past their deadline, and makes room for those waiting;
   * while exchanges wait for a thread, every {@value #GROW_CHECK_MILLIS} ms: gives the overdue ones theirs.
   */
  private void watch() {
    long lastWatch = System.nanoTime();
    while (!closed) {
      boolean someWait;
      synchronized (lock) {
        someWait = !pending.isEmpty();
      }
      long next = lastWatch + WATCH_PERIOD_MILLIS * 1_000_000L - System.nanoTime();
      LockSupport.parkNanos(someWait ? Math.min(next, GROW_CHECK_MILLIS * 1_000_000L) : next);
      if (closed || Thread.currentThread().isInterrupted()) {
        return;
      }
      long now = System.nanoTime();
      growForWaiting(now);
      if (now - lastWatch < WATCH_PERIOD_MILLIS * 1_000_000L) {
        continue;
      }
      lastWatch = now;
      for (Slot slot : active) {
        if (now - slot.deadline >= 0) {
          slot.cutIfWaitingForClient();
        }
      }
      int waitingNow;
      synchronized (lock) {
        waitingNow = waiting.size();
        for (Queued queued : waiting.toArray(Queued[]::new)) {
          if (now - queued.since() >= timeoutNanos) {
            try {
              threads.execute(() -> run(queued)); // runs cut off: the JDK closes the connection
              waiting.remove(queued);
            } catch (RejectedExecutionException full) {
              break; // the next round tries again
            }
          }
        }
      }
      int cutAlready = 0; // cut off, not yet ended: each makes room for one that waits
      for (Slot slot : active) {
        cutAlready += slot.isCut() ? 1 : 0;
      }
      for (int i = cutAlready; i < waitingNow; i++) {
        evictOldestReader(now);
      }
    }
  }

  /** Stops the watchdog and the threads; exchanges still running are interrupted. */
  @Override
  public void close() {
    closed = true;
    watchdog.interrupt();
    threads.shutdownNow();
  }

  private ExecutorService threads(int platformThreads) {
    if (VIRTUAL_PER_TASK != null) {
      try {
        return (ExecutorService) VIRTUAL_PER_TASK.invokeExact();
      } catch (Throwable unexpected) {
        throw new IllegalStateException("could not create a virtual-thread executor", unexpected);
      }
    }
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(0, platformThreads, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), new NamedThreads());
    return pool;
  }

  private static MethodHandle virtualPerTask() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
      return null;
    }
  }

  /** One exchange in progress: its thread, when it started, its deadline, and what it is doing. */
  public final class Slot {
    private static final int READING = 0;
    private static final int HANDLING = 1;
    private static final int LINGERING = 2;
    private static final int CUT = 3;
    private static final int DONE = 4;

    private final Thread thread;
    private final long started;
    private final long waitedNanos;
    private volatile long deadline;
    private int state = READING; // guarded by this

    private Slot(Thread thread, long started, long deadline, long waitedNanos) {
      this.thread = thread;
      this.started = started;
      this.deadline = deadline;
      this.waitedNanos = waitedNanos;
    }

    /** {@return how long the exchange waited for room before it started, in nanoseconds} */
    public long waitedNanos() {
      return waitedNanos;
    }

    /**
     * Marks the end of reading: from now on the exchange is never cut off.
     *
     * @return false if it was cut off already: then nothing must be dispatched
     */
    public synchronized boolean startHandling() {
      if (state != READING) {
        return false;
      }
      state = HANDLING;
      return true;
    }

    /**
     * The exchange answered without reading the whole body: the client gets a moment to read the
     * answer while the JDK reads what is left, then the connection is cut.
     */
    public synchronized void linger() {
      if (state == READING || state == HANDLING) {
        state = LINGERING;
        deadline = Math.min(deadline, System.nanoTime() + lingerNanos);
        if (state == LINGERING && System.nanoTime() - deadline >= 0) {
          cut();
        }
      }
    }

    synchronized boolean isReading() {
      return state == READING;
    }

    synchronized boolean isCut() {
      return state == CUT;
    }

    synchronized void cutIfWaitingForClient() {
      if (state == READING || state == LINGERING) {
        cut();
      }
    }

    private synchronized void cut() {
      if (state != DONE && state != CUT) {
        state = CUT;
        thread.interrupt();
      }
    }

    private synchronized void finish() {
      state = DONE;
    }

    /**
     * Runs {@code wait}, which blocks on something other than the client or the CPU (a database
     * commit), without counting against the soft limit on running exchanges meanwhile.
     */
    public <E extends Exception> void waitOutside(Waiting<E> wait) throws E {
      if (virtual()) {
        wait.run(); // no soft limit: one virtual thread per exchange
        return;
      }
      released();
      try {
        wait.run();
      } finally {
        resumed();
      }
    }

    /** {@return the scheduler this slot belongs to} */
    ExchangeScheduler scheduler() {
      return ExchangeScheduler.this;
    }
  }

  /** Work that blocks outside the exchange: see {@link Slot#waitOutside}. */
  @FunctionalInterface
  public interface Waiting<E extends Exception> {
    /** Waits, and whatever the wait was for. */
    void run() throws E;
  }

  private static final class NamedThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "hrflow-webhook-" + count.incrementAndGet());
      thread.setDaemon(false); // requests in flight keep the JVM alive until the server closes
      return thread;
    }
  }
}
