package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

  @Test
  void virtualFromJava24AndPlatformBefore() {
    assertEquals(Runtime.version().feature() >= WorkerThreads.VIRTUAL_FROM, WorkerThreads.virtual());
  }

  @Test
  void runsAtMostItsWorkersAtOnceOnNamedDaemonThreads() throws Exception {
    ExecutorService pool = WorkerThreads.pool(3, "test-worker-");
    try {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      Set<Thread> threads = ConcurrentHashMap.newKeySet();
      CountDownLatch done = new CountDownLatch(30);
      for (int i = 0; i < 30; i++) {
        pool.execute(
            () -> {
              threads.add(Thread.currentThread());
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                Thread.sleep(5);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              running.decrementAndGet();
              done.countDown();
            });
      }
      assertTrue(done.await(10, TimeUnit.SECONDS));
      assertEquals(3, most.get(), "three tasks at once, never more");
      assertEquals(3, threads.size(), "the same three threads ran all thirty");
      for (Thread thread : threads) {
        assertTrue(thread.getName().matches("test-worker-\\d"), thread.getName());
        assertTrue(thread.isDaemon(), "a forgotten inbox does not keep the JVM alive");
        assertEquals(WorkerThreads.virtual(), thread.getClass().getName().contains("Virtual"), thread + " is virtual on 24+ only");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
