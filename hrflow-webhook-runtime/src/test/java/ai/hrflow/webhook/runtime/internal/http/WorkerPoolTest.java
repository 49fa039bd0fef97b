package ai.hrflow.webhook.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  @Test
  void aTaskKnowsHowLongItWaitedForAThread() throws Exception {
    WorkerPool pool = WorkerPool.create(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong waited = new AtomicLong(-1);
    CountDownLatch done = new CountDownLatch(1);
    try {
      pool.execute(() -> await(release));
      pool.execute(
          () -> {
            waited.set(WorkerPool.waitedNanos());
            done.countDown();
          });
      Thread.sleep(300);
      release.countDown();
      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertTrue(waited.get() >= TimeUnit.MILLISECONDS.toNanos(250), waited + " ns");
      assertEquals(0, WorkerPool.waitedNanos(), "not a pool thread");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void requestsThatMayHaveOutlivedTheJdkTimeoutAreNotDispatched() {
    String before = System.getProperty("sun.net.httpserver.maxReqTime");
    try {
      System.setProperty("sun.net.httpserver.maxReqTime", "20");
      assertEquals(TimeUnit.MILLISECONDS.toNanos(18_750), WebhookServerSettings.longestWaitNanos());
      System.setProperty("sun.net.httpserver.maxReqTime", "-1");
      assertEquals(Long.MAX_VALUE, WebhookServerSettings.longestWaitNanos());
    } finally {
      if (before == null) {
        System.clearProperty("sun.net.httpserver.maxReqTime");
      } else {
        System.setProperty("sun.net.httpserver.maxReqTime", before);
      }
    }
  }

  /**
   * The server's Java 17 pool is this pool (so the wait measured above is the one the server checks),
   * and it runs every request at once while it has threads, even when handlers block and no further
   * request arrives.
   */
  @Test
  void theServersPoolNeverLeavesARequestWaitingWhileAThreadIsFree() throws Exception {
    ExecutorService pool = WebhookServerSettings.workers(4);
    if (WebhookServerSettings.virtual()) {
      pool.shutdownNow();
      return; // Java 21 and later: a virtual thread per request, nothing waits
    }
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch allRunning = new CountDownLatch(6);
    try {
      assertInstanceOf(WorkerPool.class, pool);
      for (int i = 0; i < 6; i++) {
        pool.execute(
            () -> {
              allRunning.countDown();
              await(release);
            });
      }
      assertTrue(allRunning.await(5, TimeUnit.SECONDS), "six blocking requests run at once on 4 + spare threads");
    } finally {
      release.countDown();
      pool.shutdown();
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
