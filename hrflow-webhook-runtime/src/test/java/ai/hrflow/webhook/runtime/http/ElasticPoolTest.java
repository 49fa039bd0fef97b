package ai.hrflow.webhook.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ElasticPoolTest {

  @Test
  void aTaskKnowsHowLongItWaitedForAThread() throws Exception {
    ElasticPool pool = ElasticPool.create(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong waited = new AtomicLong(-1);
    CountDownLatch done = new CountDownLatch(1);
    try {
      pool.execute(() -> await(release));
      pool.execute(
          () -> {
            waited.set(ElasticPool.waitedNanos());
            done.countDown();
          });
      Thread.sleep(300);
      release.countDown();
      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertTrue(waited.get() >= TimeUnit.MILLISECONDS.toNanos(250), waited + " ns");
      assertEquals(0, ElasticPool.waitedNanos(), "not a pool thread");
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

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
