package ai.hrflow.webhook.inbox.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;

/**
 * Group commit: writes that arrive while writes are in progress wait, and are then written together,
 * in one statement and one commit, either by one of their threads (a leader) or, if the group commit
 * has writer threads of its own, by one of those; the others return once it has committed, each
 * woken once, as a rule (no thundering herd: syscalls are what this costs). An item may also be
 * submitted without waiting for it ({@link #submit}): it goes with the next batch, and a callback
 * says what became of it. A write alone goes at once; under load, batches grow by themselves, with no
 * added delay, and the database does one commit for many writes instead of one each. A batch that
 * fails is written again item by item, so that one bad item cannot fail the others (unless the
 * database could not be reached: then every item fails at once); each item is all or none.
 *
 * @param <I> one item to write, such as a request's events
 * @param <O> what writing an item gives, such as how many events were stored
 */
public final class GroupCommit<I, O> {

  /** Writes a batch in one transaction, and says what became of each item, in order. */
  @FunctionalInterface
  public interface Writer<I, O> {
    /** Writes {@code batch}, all or none; {@return one outcome per item, in order} */
    List<O> write(List<I> batch) throws SQLException;
  }

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook.inbox");

  private final Writer<I, O> writer;
  private final ToIntFunction<I> size;
  private final int maxSize;
  private final int maxWriters;
  private final Object lock = new Object();
  private final Deque<Pending<I, O>> waiting = new ArrayDeque<>(); // guarded by lock: items in no batch yet
  private int writers; // guarded by lock: leaders at work
  private final List<Thread> writerThreads = new ArrayList<>(); // threads of their own, if any
  private int idleWriters; // guarded by lock: writer threads waiting for items
  private boolean closed; // guarded by lock

  /** What becomes of an item submitted without waiting for it ({@link #submit}). */
  @FunctionalInterface
  public interface Callback<O> {
    /** The item was written ({@code failure} null) or not; called once, by the thread that wrote it. */
    void written(O outcome, Exception failure);
  }

  /** An item, the thread waiting for it (none if submitted), and what became of it. */
  private static final class Pending<I, O> {
    final I item;
    final Thread thread;
    final Callback<O> callback;
    volatile boolean done;
    volatile boolean leader;
    O outcome;
    Exception failure;

    Pending(I item, Thread thread, Callback<O> callback) {
      this.item = item;
      this.thread = thread;
      this.callback = callback;
    }
  }

  /**
   * Group commit through {@code writer}, batches of up to {@code maxSize} as measured by {@code size}
   * (an item larger than that is written alone), one batch at a time.
   */
  public GroupCommit(Writer<I, O> writer, ToIntFunction<I> size, int maxSize) {
    this(writer, size, maxSize, 1);
  }

  /**
   * Group commit through {@code writer}, batches of up to {@code maxSize} as measured by {@code size},
   * up to {@code maxWriters} batches at a time: while one batch waits for its commit to be flushed,
   * the database can already execute the next (it executes a statement on one core).
   */
  public GroupCommit(Writer<I, O> writer, ToIntFunction<I> size, int maxSize, int maxWriters) {
    this(writer, size, maxSize, maxWriters, null);
  }

  /**
   * The same, with {@code maxWriters} platform threads of their own named {@code writerName}-n writing
   * the batches (if {@code writerName} is not null), rather than the threads that wait: see {@link
   * Commits} for when. {@link #close} stops them.
   */
  public GroupCommit(Writer<I, O> writer, ToIntFunction<I> size, int maxSize, int maxWriters, String writerName) {
    this.writer = writer;
    this.size = size;
    this.maxSize = maxSize;
    this.maxWriters = maxWriters;
    if (writerName != null) {
      this.writers = maxWriters; // the writer threads lead, always
      for (int i = 1; i <= maxWriters; i++) {
        Thread thread = new Thread(this::writeForever, writerName + i);
        thread.setDaemon(true);
        writerThreads.add(thread);
      }
      writerThreads.forEach(Thread::start);
    }
  }

  /** A writer thread's loop: the waiting items, a batch at a time, until closed and nothing waits. */
  private void writeForever() {
    while (true) {
      List<Pending<I, O>> batch;
      synchronized (lock) {
        while (waiting.isEmpty()) {
          if (closed) {
            return;
          }
          idleWriters++;
          try {
            lock.wait();
          } catch (InterruptedException e) {
            closed = true; // interrupted: finish what waits, then end
          } finally {
            idleWriters--;
          }
        }
        batch = take();
      }
      writeAndTell(batch, null);
    }
  }

  private static SQLException closedFailure() {
    return new SQLNonTransientConnectionException("the inbox is closed", "08003");
  }

  /** Wakes a writer thread, if one is idle; guarded by {@code lock}. */
  private void wakeWriter() {
    if (idleWriters > 0) {
      lock.notify();
    }
  }

  /** Stops the writer threads once every item waiting has been written (none without them). */
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    for (Thread thread : writerThreads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Writes {@code item} and returns once it is committed.
   *
   * @throws SQLException if it could not be written
   */
  public O write(I item) throws SQLException {
    Pending<I, O> mine = new Pending<>(item, Thread.currentThread(), null);
    synchronized (lock) {
      if (closed) {
        throw closedFailure();
      }
      waiting.addLast(mine);
      if (writers < maxWriters) {
        writers++;
        mine.leader = true;
      }
      wakeWriter();
    }
    boolean interrupted = false;
    while (!mine.done) {
      while (!mine.done && !mine.leader) {
        LockSupport.park(this);
        interrupted |= Thread.interrupted(); // a leader may be writing this item: wait for the outcome
      }
      if (mine.leader) {
        lead(mine);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return outcome(mine);
  }

  /**
   * Writes {@code item} without waiting for it, if a batch is being written: it goes with one of the
   * next; otherwise writes it now, as {@link #write} does. {@code callback} is called once it is
   * written or has failed, by the thread that wrote it.
   */
  public void submit(I item, Callback<O> callback) {
    Pending<I, O> mine = new Pending<>(item, null, callback);
    boolean lead = false;
    synchronized (lock) {
      if (closed) {
        mine.failure = closedFailure();
      } else {
        waiting.addLast(mine);
        wakeWriter();
        if (writers < maxWriters) { // otherwise a leader at work writes it, or hands the lead to a thread that will
          writers++;
          mine.leader = true;
          lead = true;
        }
      }
    }
    if (mine.failure != null) {
      callback.written(null, mine.failure);
    } else if (lead) {
      lead(mine);
    }
  }

  /**
   * Writes batches, oldest items first, until {@code mine} is written; if another leader took {@code
   * mine} into its batch, stops leading and lets the caller wait for it. When done, hands the lead to
   * the oldest waiting thread, so that items never wait without a leader; if only submitted items
   * wait (their threads gone), writes them too.
   */
  private void lead(Pending<I, O> mine) {
    boolean leading = true;
    try {
      while (true) {
        List<Pending<I, O>> batch;
        synchronized (lock) {
          if (mine.done) {
            if (handOver()) {
              leading = false;
              return;
            }
            batch = take(); // only submitted items wait, with no thread to lead them: this one writes them
          } else {
            batch = take();
            if (batch.isEmpty()) { // another leader is writing mine
              writers--;
              mine.leader = false;
              leading = false;
              return;
            }
          }
        }
        writeAndTell(batch, mine);
      }
    } finally {
      if (leading) { // failed unexpectedly: waiting threads must not wait without a leader
        synchronized (lock) {
          if (!handOver()) {
            writers--; // only submitted items wait: the next item to come leads them
          }
        }
      }
    }
  }

  /**
   * Ends this thread's lead, guarded by {@code lock}: hands it to the oldest item whose thread waits,
   * unless that one leads already or nothing waits.
   *
   * @return false if only submitted items wait: then this thread must write them
   */
  private boolean handOver() {
    for (Pending<I, O> next : waiting) {
      if (next.thread != null) {
        if (next.leader) {
          writers--; // it leads already, and takes the older items into its batches
        } else {
          next.leader = true; // the oldest waiting thread writes the next batch
          LockSupport.unpark(next.thread);
        }
        return true;
      }
    }
    if (waiting.isEmpty()) {
      writers--;
      return true;
    }
    return false;
  }

  /** Writes {@code batch}, then marks each item done, wakes the waiting threads, and calls the callbacks. */
  private void writeAndTell(List<Pending<I, O>> batch, Pending<I, O> mine) {
    try {
      write(batch);
    } finally {
      for (Pending<I, O> pending : batch) {
        pending.done = true;
        if (pending.thread != null && pending != mine) {
          LockSupport.unpark(pending.thread);
        }
      }
      for (Pending<I, O> pending : batch) {
        if (pending.callback != null) {
          try {
            pending.callback.written(pending.outcome, pending.failure);
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "inbox: what follows a commit failed", e);
          }
        }
      }
    }
  }

  /** The waiting items, oldest first, up to {@code maxSize} (at least one item, if any waits). */
  private List<Pending<I, O>> take() {
    List<Pending<I, O>> batch = new ArrayList<>();
    int total = 0;
    while (!waiting.isEmpty() && (batch.isEmpty() || total + size.applyAsInt(waiting.peekFirst().item) <= maxSize)) {
      Pending<I, O> next = waiting.pollFirst();
      batch.add(next);
      total += size.applyAsInt(next.item);
    }
    return batch;
  }

  private void write(List<Pending<I, O>> batch) {
    if (batch.size() > 1) {
      List<I> items = new ArrayList<>(batch.size());
      for (Pending<I, O> pending : batch) {
        items.add(pending.item);
      }
      try {
        List<O> outcomes = writer.write(items);
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).outcome = outcomes.get(i);
        }
        return;
      } catch (SQLException | RuntimeException | Error failedTogether) {
        if (failedTogether instanceof Error || unreachable(failedTogether)) {
          for (Pending<I, O> pending : batch) {
            // no use trying each against a database that is not there
            pending.failure = failedTogether instanceof Exception e ? e : new IllegalStateException("the write failed: " + failedTogether, failedTogether);
          }
          return;
        }
        // otherwise written again one by one below, so that one bad item cannot fail the others
      }
    }
    for (Pending<I, O> pending : batch) {
      try {
        pending.outcome = writer.write(List.of(pending.item)).get(0);
      } catch (SQLException | RuntimeException e) {
        pending.failure = e;
      } catch (Error e) {
        pending.failure = new IllegalStateException("the write failed: " + e, e); // its writer reports it; the leader goes on
      }
    }
  }

  /** Whether {@code failure} says the database cannot be reached (SQL state class 08, or a connection exception). */
  public static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  private static <O> O outcome(Pending<?, O> pending) throws SQLException {
    if (pending.failure instanceof SQLException e) {
      throw e;
    }
    if (pending.failure instanceof RuntimeException e) {
      throw e;
    }
    return pending.outcome;
  }
}
