package ai.hrflow.webhook.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's promises, with tasks standing in for the JDK's exchanges: a task that sleeps
 * stands for one blocked reading a stalled client (sleeping is interruptible, like the JDK's reads).
 */
class ExchangeSchedulerTest {

  private static final long MS = 1_000_000L;

  @Test
  void fewExchangesRunAtOnceWhileTheyProgressAndOneThatWaitsGetsAThreadOfItsOwn() throws Exception {
    try (ExchangeScheduler scheduler = new ExchangeScheduler(60_000 * MS, 100 * MS, 8, 2)) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      CountDownLatch quick = new CountDownLatch(50);
      for (int i = 0; i < 50; i++) {
        scheduler.execute(
            () -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              busyWait(0); // an exchange that makes progress: no waiting
              running.decrementAndGet();
              quick.countDown();
            });
      }
      assertTrue(quick.await(3, TimeUnit.SECONDS));
      assertTrue(most.get() <= 4, "50 quick exchanges ran on the 2 threads of the soft limit (a little more if one waited 10 ms), not 8: " + most);

      CountDownLatch blocked = new CountDownLatch(2);
      CountDownLatch released = new CountDownLatch(1);
      for (int i = 0; i < 2; i++) {
        scheduler.execute(
            () -> {
              blocked.countDown();
              try {
                released.await(); // a slow handler, or a stalled client
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      assertTrue(blocked.await(1, TimeUnit.SECONDS));
      long sent = System.nanoTime();
      CountDownLatch third = new CountDownLatch(1);
      scheduler.execute(third::countDown);
      assertTrue(third.await(1, TimeUnit.SECONDS), "an exchange behind two blocked ones gets a thread of its own");
      long waitedMillis = (System.nanoTime() - sent) / MS;
      assertTrue(waitedMillis < 500, "it waited " + waitedMillis + " ms, not about " + ExchangeScheduler.GROW_AFTER_MILLIS);
      released.countDown();
    }
  }

  @Test
  void exchangesWaitingOutsideDoNotHoldTheSoftLimitsThreads() throws Exception {
    assumeFalse(ExchangeScheduler.virtual(), "virtual threads: no soft limit to hold");
    try (ExchangeScheduler scheduler = new ExchangeScheduler(60_000 * MS, 100 * MS, 8, 2)) {
      CountDownLatch waiting = new CountDownLatch(2);
      CountDownLatch committed = new CountDownLatch(1);
      for (int i = 0; i < 2; i++) {
        scheduler.execute(
            () -> {
              try {
                ExchangeScheduler.current()
                    .waitOutside(
                        () -> {
                          waiting.countDown();
                          committed.await(); // the inbox's commit
                        });
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      assertTrue(waiting.await(1, TimeUnit.SECONDS));
      assertEquals(0, scheduler.running(), "two exchanges wait for their commit: neither holds a running slot");
      assertEquals(2, scheduler.inProgress(), "both are still in progress (the bound on exchanges counts them)");
      CountDownLatch next = new CountDownLatch(2);
      CountDownLatch hold = new CountDownLatch(1);
      for (int i = 0; i < 2; i++) {
        scheduler.execute(
            () -> {
              next.countDown();
              try {
                hold.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      assertTrue(next.await(1, TimeUnit.SECONDS));
      assertEquals(2, scheduler.running(), "the next two run within the soft limit of 2");
      committed.countDown();
      hold.countDown();
      long deadline = System.nanoTime() + 2_000 * MS;
      while (scheduler.running() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(0, scheduler.running(), "every slot given back once all four ended");
    }
  }

  @Test
  void readingPastTheDeadlineIsCutOffButHandlingNeverIs() throws Exception {
    try (ExchangeScheduler scheduler = new ExchangeScheduler(300 * MS, 100 * MS, 8)) {
      AtomicBoolean readerCut = new AtomicBoolean();
      AtomicBoolean handlerCut = new AtomicBoolean();
      CountDownLatch done = new CountDownLatch(2);
      scheduler.execute(() -> sleep(5_000, readerCut, done));
      scheduler.execute(
          () -> {
            assertTrue(ExchangeScheduler.current().startHandling());
            sleep(800, handlerCut, done);
          });
      assertTrue(done.await(3, TimeUnit.SECONDS));
      assertTrue(readerCut.get(), "a reader past its deadline is cut off");
      assertFalse(handlerCut.get(), "a handler is never cut off");
    }
  }

  @Test
  void aReaderCutOffCannotStartHandling() throws Exception {
    try (ExchangeScheduler scheduler = new ExchangeScheduler(200 * MS, 100 * MS, 8)) {
      AtomicBoolean started = new AtomicBoolean(true);
      CountDownLatch done = new CountDownLatch(1);
      scheduler.execute(
          () -> {
            busyWait(500); // reading, without a blocking call to interrupt
            started.set(ExchangeScheduler.current().startHandling());
            done.countDown();
          });
      assertTrue(done.await(3, TimeUnit.SECONDS));
      assertFalse(started.get(), "cut off while reading: nothing may be dispatched");
    }
  }

  @Test
  void aLingeringAnswerIsCutOffAfterTheLinger() throws Exception {
    try (ExchangeScheduler scheduler = new ExchangeScheduler(60_000 * MS, 200 * MS, 8)) {
      AtomicLong cutAfter = new AtomicLong();
      CountDownLatch done = new CountDownLatch(1);
      scheduler.execute(
          () -> {
            long start = System.nanoTime();
            ExchangeScheduler.current().linger();
            try {
              Thread.sleep(5_000);
            } catch (InterruptedException cut) {
              cutAfter.set((System.nanoTime() - start) / MS);
            }
            done.countDown();
          });
      assertTrue(done.await(3, TimeUnit.SECONDS));
      assertTrue(cutAfter.get() >= 150 && cutAfter.get() < 1_000, cutAfter + " ms");
    }
  }

  @Test
  void whenFullTheNewestWaitingRunsFirstAndTheOldestReaderMakesRoom() throws Exception {
    try (ExchangeScheduler scheduler = new ExchangeScheduler(60_000 * MS, 100 * MS, 2)) {
      List<String> cut = new CopyOnWriteArrayList<>();
      List<String> ran = new CopyOnWriteArrayList<>();
      scheduler.execute(() -> stall("oldest", cut));
      Thread.sleep(300);
      scheduler.execute(() -> stall("older", cut));
      Thread.sleep(300);
      CountDownLatch newest = new CountDownLatch(1);
      long submitted = System.nanoTime();
      scheduler.execute(
          () -> {
            ran.add("newest");
            newest.countDown();
          });
      assertTrue(newest.await(2, TimeUnit.SECONDS));
      assertTrue((System.nanoTime() - submitted) / MS < 500, "waited for room no longer than a cut takes");
      assertEquals(List.of("oldest"), cut, "the reader of the longest was cut off, the other kept");
      assertEquals(List.of("newest"), ran);
    }
  }

  @Test
  void aTaskKnowsHowLongItWaitedForRoom() throws Exception {
    try (ExchangeScheduler scheduler = new ExchangeScheduler(60_000 * MS, 100 * MS, 1)) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicLong waited = new AtomicLong(-1);
      CountDownLatch done = new CountDownLatch(1);
      scheduler.execute(
          () -> {
            ExchangeScheduler.current().startHandling(); // handling: never made to room
            await(release);
          });
      scheduler.execute(
          () -> {
            waited.set(ExchangeScheduler.current().waitedNanos());
            done.countDown();
          });
      Thread.sleep(300);
      release.countDown();
      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertTrue(waited.get() >= 250 * MS, waited + " ns");
    }
  }

  @Test
  void runsOnVirtualThreadsFromJava21AndOnPlatformThreadsBefore() throws Exception {
    try (ExchangeScheduler scheduler = new ExchangeScheduler(60_000 * MS, 100 * MS, 4)) {
      AtomicBoolean virtual = new AtomicBoolean();
      CountDownLatch done = new CountDownLatch(1);
      scheduler.execute(
          () -> {
            virtual.set(!Thread.currentThread().getName().startsWith("hrflow-webhook-"));
            done.countDown();
          });
      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertEquals(Runtime.version().feature() >= 21, virtual.get());
      assertEquals(Runtime.version().feature() >= 21, ExchangeScheduler.virtual());
    }
  }

  @Test
  void requestsThatMayHaveOutlivedTheJdkTimeoutAreNotDispatched() {
    String before = System.getProperty("sun.net.httpserver.maxReqTime");
    try {
      System.setProperty("sun.net.httpserver.maxReqTime", "20");
      assertEquals(TimeUnit.MILLISECONDS.toNanos(18_750), ServerSettings.longestWaitNanos());
      System.setProperty("sun.net.httpserver.maxReqTime", "-1");
      assertEquals(Long.MAX_VALUE, ServerSettings.longestWaitNanos());
    } finally {
      if (before == null) {
        System.clearProperty("sun.net.httpserver.maxReqTime");
      } else {
        System.setProperty("sun.net.httpserver.maxReqTime", before);
      }
    }
  }

  private static void stall(String name, List<String> cut) {
    try {
      Thread.sleep(10_000);
    } catch (InterruptedException e) {
      cut.add(name);
    }
  }

  private static void sleep(long millis, AtomicBoolean cut, CountDownLatch done) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      cut.set(true);
    }
    done.countDown();
  }

  private static void busyWait(long millis) {
    long end = System.nanoTime() + millis * MS;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
